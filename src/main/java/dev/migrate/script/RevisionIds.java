package dev.migrate.script;

/** The shape of a revision id: what fits Alembic's {@code version_num VARCHAR(32)} and a file name. */
public final class RevisionIds {
    public static final int MAX_LENGTH = 32;

    private RevisionIds() {
    }

    /** True for 1 to 32 characters of ASCII letters, digits or {@code _}. */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) return false;
        }
        return true;
    }

    /** Why {@code id} is not a valid revision id, for messages. */
    public static String problem(String id) {
        return "invalid revision id '" + id + "': a revision id is 1 to " + MAX_LENGTH
                + " characters of letters, digits or '_' ('-' would read as a relative step, as in Alembic)";
    }
}
