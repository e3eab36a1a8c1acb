package dev.migrate.sql;

/**
 * A SQL script being written: statements terminated by {@code ;} and separated by a blank line,
 * and {@code --} comments, so that {@code psql -f} and the {@code sqlite3} shell run it as is.
 */
public final class SqlScript {
    private final StringBuilder text = new StringBuilder();

    /** Appends one statement (given without its semicolon). */
    public SqlScript statement(String sql) {
        text.append(terminated(sql)).append("\n\n");
        return this;
    }

    /** Appends a comment line; line breaks in it are flattened so that it stays one comment. */
    public SqlScript comment(String comment) {
        text.append("-- ").append(comment.replaceAll("\\s*[\\r\\n]+\\s*", " ")).append('\n');
        return this;
    }

    public boolean isEmpty() {
        return text.length() == 0;
    }

    public String text() {
        return text.toString();
    }

    /**
     * {@code sql} with its terminating semicolon. A statement whose last line holds a {@code --}
     * comment gets the semicolon on a line of its own, where the comment cannot swallow it.
     */
    public static String terminated(String sql) {
        String body = sql.strip();
        String lastLine = body.substring(body.lastIndexOf('\n') + 1);
        return body + (lastLine.contains("--") ? "\n;" : ";");
    }
}
