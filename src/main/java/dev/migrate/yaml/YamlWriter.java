package dev.migrate.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migrate.Json;

/**
 * Writes a tree of maps (in their order), lists and scalars (String, Number, Boolean, null) as
 * YAML that {@link YamlReader} reads back to the same values, in the shape people write by hand:
 * block style for the outer levels, one flow mapping per line for small records
 * ({@code - {name: id, type: integer}}), and literal blocks for multi-line text. A string that
 * would read back as something else (a number, a boolean, null) or that holds YAML indicators is
 * double-quoted.
 */
public final class YamlWriter {
    private static final Set<String> RESERVED = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n", "~");
    private static final String INDENT = "  ";

    private YamlWriter() {
    }

    /** The document for {@code root}; a map is written in block style, anything else on one line. */
    public static String write(Object root) {
        List<String> lines = new ArrayList<>();
        if (root instanceof Map<?, ?> map && !map.isEmpty()) {
            blockMap(map, "", lines);
        } else if (root instanceof List<?> list && !list.isEmpty() && !compact(list)) {
            blockList(list, "", lines);
        } else {
            lines.add(flow(root));
        }
        return String.join("\n", lines) + "\n";
    }

    /** Whether {@code value} fits on one line in flow style. */
    private static boolean compact(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                if (!compact(v) || literal(v)) return false;
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> || !compact(item)) return false;
            }
            return true;
        }
        return true;
    }

    private static void blockMap(Map<?, ?> map, String indent, List<String> lines) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = indent + scalar(String.valueOf(e.getKey())) + ":";
            Object value = e.getValue();
            if (literal(value)) {
                lines.add(key + " |-");
                for (String line : ((String) value).split("\n", -1)) lines.add(line.isEmpty() ? "" : indent + INDENT + line);
            } else if (isEmptyCollection(value) || compact(value)) {
                lines.add(key + " " + flow(value));
            } else if (value instanceof Map<?, ?> inner) {
                lines.add(key);
                blockMap(inner, indent + INDENT, lines);
            } else {
                lines.add(key);
                blockList((List<?>) value, indent + INDENT, lines);
            }
        }
    }

    private static void blockList(List<?> list, String indent, List<String> lines) {
        for (Object item : list) {
            if (item instanceof Map<?, ?> map && !map.isEmpty() && !compact(map)) {
                List<String> inner = new ArrayList<>();
                blockMap(map, indent + INDENT, inner);
                lines.add(indent + "- " + inner.get(0).substring(indent.length() + INDENT.length()));
                lines.addAll(inner.subList(1, inner.size()));
            } else if (item instanceof List<?> nested && !nested.isEmpty() && !compact(nested)) {
                lines.add(indent + "-");
                blockList(nested, indent + INDENT, lines);
            } else {
                lines.add(indent + "- " + flow(item));
            }
        }
    }

    private static boolean isEmptyCollection(Object value) {
        return value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty();
    }

    private static String flow(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) parts.add(scalar(String.valueOf(e.getKey())) + ": " + flow(e.getValue()));
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) parts.add(flow(item));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value == null) return "null";
        if (value instanceof Boolean || value instanceof Number) return value.toString();
        return scalar(value.toString());
    }

    /**
     * Multi-line text that a literal block ({@code |-}) keeps exactly: no carriage returns or other
     * control characters, no leading whitespace (it would set the indentation), no trailing
     * whitespace on a line and no final line break (which {@code |-} would strip).
     */
    private static boolean literal(Object value) {
        if (!(value instanceof String s) || s.indexOf('\n') < 0) return false;
        if (Character.isWhitespace(s.charAt(0)) || s.endsWith("\n")) return false;
        for (String line : s.split("\n", -1)) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) return false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) return false;
            }
        }
        return true;
    }

    /** {@code value} plain when it cannot be read as anything else, else double-quoted with escapes. */
    public static String scalar(String value) {
        return isPlain(value) ? value : quoted(value);
    }

    /** {@code value} double-quoted, every character YAML would not read back as itself escaped. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder();
        // Beyond JSON's escapes: DEL, NEL, the line and paragraph separators and the byte-order mark,
        // which a YAML reader would not give back as written.
        Json.quote(value, c -> c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff, out);
        return out.toString();
    }

    /** Starts with a letter (so it is never a number), holds no YAML indicator, and is not a reserved word. */
    private static boolean isPlain(String v) {
        if (v.isEmpty() || RESERVED.contains(v.toLowerCase(Locale.ROOT))) return false;
        char first = v.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_')) return false;
        if (v.charAt(v.length() - 1) == ' ' || v.contains("  ")) return false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '_'
                    || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
            if (!ok) return false;
        }
        return true;
    }
}
