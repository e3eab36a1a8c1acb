package dev.migrate.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps {@code -x} values out of error messages: they may be secrets (a password handed to a SQL
 * revision as {@code ${x.password}}). Statements are already shown as their file writes them; this
 * covers the rest, such as a server error that repeats a value.
 */
final class HiddenValues {
    /** Shorter values stay: hiding every "on" or "1" would garble messages, and so short a text guards nothing. */
    static final int SHORTEST = 4;

    private HiddenValues() {
    }

    /** {@code text} with every value of the {@code key=value} pairs replaced by {@code ***}. */
    static String hide(String text, List<String> pairs) {
        if (text == null || pairs.isEmpty()) return text;
        List<String> values = new ArrayList<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            // Without '=', the whole text may be a value whose key was forgotten.
            String value = eq < 0 ? pair : pair.substring(eq + 1);
            if (value.length() >= SHORTEST) values.add(value);
        }
        // Longest first, so that a value containing another is hidden whole.
        values.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String v : values) out = out.replace(v, "***");
        return out;
    }
}
