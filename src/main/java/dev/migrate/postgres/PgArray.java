package dev.migrate.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PostgreSQL's text form of a one-dimensional array ({@code {a,"b c",NULL}}), which is how
 * the catalog queries return lists such as a constraint's column names: an element is quoted when
 * it holds a comma, a brace, a quote, a backslash or a space, and backslash-escaped inside quotes.
 */
final class PgArray {
    private PgArray() {
    }

    /** The elements, an unquoted NULL being null; a null text is an empty list. */
    static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        String s = text.strip();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw new IllegalArgumentException("not an array: " + text);
        }
        int i = 1;
        int end = s.length() - 1;
        if (i == end) return out;
        while (i <= end) {
            StringBuilder item = new StringBuilder();
            boolean quoted = false;
            if (s.charAt(i) == '"') {
                quoted = true;
                i++;
                while (s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\') i++;
                    item.append(s.charAt(i));
                    i++;
                }
                i++;
            } else {
                while (i < end && s.charAt(i) != ',') item.append(s.charAt(i++));
            }
            String value = item.toString();
            out.add(!quoted && value.equals("NULL") ? null : value);
            i++;
        }
        return out;
    }
}
