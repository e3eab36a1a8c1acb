package dev.migrate.revision;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.yaml.YamlWriter;

/** Writes values into generated YAML so that they read back as the same strings. */
final class YamlText {
    private static final Set<String> RESERVED = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n", "~");

    private YamlText() {
    }

    /** {@code value} plain when that is unambiguous, else double-quoted with escapes. */
    static String scalar(String value) {
        return isPlain(value) ? value : YamlWriter.quoted(value);
    }

    /** A flow list {@code [a, b]}. */
    static String list(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(", ");
            out.append(scalar(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static boolean isPlain(String v) {
        if (v.isEmpty() || RESERVED.contains(v.toLowerCase(Locale.ROOT))) return false;
        char first = v.charAt(0);
        if (!(Character.isLetterOrDigit(first) || first == '_')) return false;
        if (Character.isWhitespace(v.charAt(v.length() - 1))) return false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '-' || c == '.' || c == '/'
                    || c == '(' || c == ')' || c == '\'';
            if (!ok) return false;
        }
        return true;
    }
}
