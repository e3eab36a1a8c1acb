package dev.migrate.inspect;

import dev.migrate.sql.SqlLexer;

/** Small facts about SQL expression text that both engines' catalogs need. */
public final class SqlText {
    private SqlText() {
    }

    /**
     * Whether the first character is a parenthesis that closes at the last one; parentheses in
     * quotes and comments do not count. The text is read by psql's rules, which is how PostgreSQL
     * prints an expression.
     */
    public static boolean enclosed(String sql) {
        String s = sql.strip();
        if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') return false;
        int depth = 0;
        for (SqlLexer.Token t : SqlLexer.tokens(s, SqlLexer.PSQL)) {
            if (t.kind() != SqlLexer.Kind.SYMBOL) continue;
            char c = s.charAt(t.start());
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && t.end() < s.length()) return false;
            }
        }
        return depth == 0;
    }

    /** {@code sql} without the parentheses that enclose all of it, however many pairs. */
    public static String unwrap(String sql) {
        String s = sql.strip();
        while (enclosed(s)) s = s.substring(1, s.length() - 1).strip();
        return s;
    }

    /** {@code sql} in one pair of parentheses, unless it already is. */
    public static String parenthesized(String sql) {
        return enclosed(sql) ? sql.strip() : "(" + sql.strip() + ")";
    }
}
