package dev.migrate;

import java.util.Collection;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Writes JSON from strings, numbers, booleans, null, collections and maps (kept in insertion
 * order); anything else is written as its text. NaN and the infinities, which JSON cannot hold, are
 * written as null. Hand-written so that no object mapper, and no
 * reflection, is needed. Two layouts: compact for {@code --json} output, one line a program reads;
 * spaced ({@code ", "} and {@code ": "}) for JSON a person reads inside SQL, such as json column
 * defaults and SQLite arrays.
 */
public final class Json {
    private final String comma;
    private final String colon;

    private Json(String comma, String colon) {
        this.comma = comma;
        this.colon = colon;
    }

    private static final Json COMPACT = new Json(",", ":");
    private static final Json SPACED = new Json(", ", ": ");

    /** Compact: {@code {"a":[1,"x"]}}. */
    public static String write(Object value) {
        return COMPACT.text(value);
    }

    /** Spaced: {@code {"a": [1, "x"]}}. */
    public static String spaced(Object value) {
        return SPACED.text(value);
    }

    private String text(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            string((String) value, out);
        } else if (!finite(value)) {
            // JSON has no NaN or Infinity: such a number is written as null, as JavaScript's JSON.stringify does,
            // so that what a program or PostgreSQL's json type reads is always JSON.
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!first) out.append(comma);
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(colon);
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection) {
            out.append('[');
            boolean first = true;
            for (Object item : (Collection<?>) value) {
                if (!first) out.append(comma);
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            string(value.toString(), out);
        }
    }

    private static boolean finite(Object value) {
        if (value instanceof Double d) return Double.isFinite(d);
        if (value instanceof Float f) return Float.isFinite(f);
        return true;
    }

    private static void string(String s, StringBuilder out) {
        quote(s, c -> false, out);
    }

    /**
     * {@code s} as a double-quoted string with JSON's escapes, and {@code \\uXXXX} also for the
     * characters {@code alsoEscape} names: YAML's double-quoted scalars take the same escapes and
     * need a few more characters escaped (see {@link dev.migrate.yaml.YamlWriter#quoted}).
     */
    public static void quote(String s, IntPredicate alsoEscape, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || alsoEscape.test(c)) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
            }
        }
        out.append('"');
    }
}
