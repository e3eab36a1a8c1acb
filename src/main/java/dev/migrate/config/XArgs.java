package dev.migrate.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.migrate.MigrateException;

/**
 * The {@code -x key=value} options, which templates and SQL revisions read as {@code ${x.key}}.
 * The value is everything after the first {@code =} and may be empty; a key given twice keeps its
 * last value, so that a wrapper script's default can be overridden by appending another {@code -x}.
 */
public final class XArgs {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private XArgs() {
    }

    /** The pairs as a map in command-line order; a malformed pair is wrong usage (exit 2). */
    public static Map<String, String> parse(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !KEY.matcher(key).matches()) {
                // Never the value, nor a text without '=' (it may be a value whose key was forgotten): they may be secrets.
                throw MigrateException.usage("-x expects key=value with a key of letters, digits, _ . or -"
                        + " (starting with a letter or _), found " + (eq < 0 ? "a value without a key (not shown)"
                        : "the key '" + key + "'"));
            }
            out.put(key, pair.substring(eq + 1));
        }
        return Collections.unmodifiableMap(out);
    }
}
