package dev.migrate.revision;

import java.util.function.UnaryOperator;

/** Expands {@code ${name}} placeholders, as used by revision templates and by {@code ${x.key}} in SQL revisions. */
final class Placeholders {
    private Placeholders() {
    }

    /**
     * Replaces each {@code ${name}} by {@code lookup.apply(name)}; a null answer leaves the
     * placeholder as written, so text meant for a later stage passes through.
     */
    static String expand(String text, UnaryOperator<String> lookup) {
        int open = text.indexOf("${");
        if (open < 0) return text;
        StringBuilder out = new StringBuilder(text.length() + 32);
        int from = 0;
        while (open >= 0) {
            int close = text.indexOf('}', open + 2);
            if (close < 0) break;
            String name = text.substring(open + 2, close);
            String value = lookup.apply(name);
            out.append(text, from, open).append(value != null ? value : text.substring(open, close + 1));
            from = close + 1;
            open = text.indexOf("${", from);
        }
        return out.append(text, from, text.length()).toString();
    }
}
