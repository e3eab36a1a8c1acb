package dev.migrate.inspect;

/** Small facts about SQL expression text that both engines' catalogs need. */
public final class SqlText {
    private SqlText() {
    }

    /** Whether the first character is a parenthesis that closes at the last one, quotes taken into account. */
    public static boolean enclosed(String sql) {
        String s = sql.strip();
        if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') return false;
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) return false;
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
