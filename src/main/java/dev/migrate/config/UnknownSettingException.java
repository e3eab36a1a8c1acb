package dev.migrate.config;

import java.util.Collection;

import dev.migrate.yaml.SourceException;

/**
 * A key in {@code migrate.yaml} that is not a setting. Refused rather than ignored, because a
 * misspelt {@code lock_timout} would otherwise silently leave the default in force.
 */
public class UnknownSettingException extends SourceException {
    public UnknownSettingException(String origin, int line, String key, Collection<String> known) {
        super(origin, line, "unknown setting '" + key + "'" + suggestion(key, known)
                + " (settings: " + String.join(", ", known) + ")");
    }

    private static String suggestion(String key, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        String tail = key.substring(key.lastIndexOf('.') + 1).toLowerCase();
        for (String k : known) {
            int d = distance(tail, k.substring(k.lastIndexOf('.') + 1));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Levenshtein distance: small enough for a handful of short keys. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
