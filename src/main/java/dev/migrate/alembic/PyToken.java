package dev.migrate.alembic;

/**
 * One token of Python source. {@code text} is the decoded value for strings, the spelling for
 * everything else; {@code fstring} marks an f-string, whose value is computed at run time.
 */
record PyToken(Type type, String text, int line, boolean fstring) {
    enum Type { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END }

    boolean is(Type t, String s) {
        return type == t && text.equals(s);
    }

    boolean isOp(String s) {
        return is(Type.OP, s);
    }
}
