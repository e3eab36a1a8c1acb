package dev.migrate.revision;

/**
 * The shape of a revision id: what Alembic accepts, what fits its {@code version_num VARCHAR(32)}
 * and what stays unambiguous in identifiers, header lists and file names.
 */
public final class RevisionIds {
    public static final int MAX_LENGTH = 32;
    /**
     * Alembic's reserved {@code @ - +} (branch@head, rev+1, -1), {@code :} of start:end ranges,
     * {@code ,} and the quotes and brackets of header lists, and what no file name can hold.
     */
    private static final String RESERVED = "@-+:,'\"[]/\\*?<>|";

    private RevisionIds() {
    }

    /** True for 1 to 32 printable ASCII characters, none of them {@link #RESERVED} nor a space, not starting with '.'. */
    public static boolean isValid(String id) {
        // A leading '.' would make the file name hidden, and the version folder skips hidden files.
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || id.startsWith(".")) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c > '~' || RESERVED.indexOf(c) >= 0) return false;
        }
        return true;
    }

    /** Why {@code id} is not a valid revision id, for messages. */
    public static String problem(String id) {
        return "invalid revision id '" + id + "': a revision id is 1 to " + MAX_LENGTH
                + " printable ASCII characters without spaces or any of " + RESERVED + ", not starting with '.'"
                + " ('-' and '+' would read as a relative step and '@' as a branch, as in Alembic; ':' as a range)";
    }
}
