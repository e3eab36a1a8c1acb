package dev.migrate.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them in {@code migrate.yaml} and on the command line: {@code 60s},
 * {@code 500ms}, {@code 2m}, {@code 1h}, combinations such as {@code 1m30s}, and a plain number
 * meaning seconds ({@code 10}, {@code 0.5}) because that is what libpq's connect_timeout and most
 * container tooling use.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Durations() {
    }

    /** The duration written as {@code text}, or an {@link IllegalArgumentException} saying what is accepted. */
    public static Duration parse(String text) {
        try {
            return parseExact(text);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the duration '" + text + "' is too long");
        }
    }

    private static Duration parseExact(String text) {
        String t = text == null ? "" : text.trim();
        if (PLAIN.matcher(t).matches()) return ofSeconds(new BigDecimal(t));
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            total = total.plus(of(new BigDecimal(m.group(1)), m.group(2)));
            at = m.end();
        }
        if (t.isEmpty() || at != t.length()) {
            throw new IllegalArgumentException("expected a duration such as 60s, 500ms, 2m, 1h or a number of seconds, found '"
                    + text + "'");
        }
        return total;
    }

    /** The shortest of the accepted forms, so that printed settings can be pasted back into a file. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms != 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    private static Duration of(BigDecimal amount, String unit) {
        switch (unit) {
            case "ms": return Duration.ofNanos(amount.movePointRight(6).longValueExact());
            case "s": return ofSeconds(amount);
            case "m": return ofSeconds(amount.multiply(BigDecimal.valueOf(60)));
            default: return ofSeconds(amount.multiply(BigDecimal.valueOf(3600)));
        }
    }

    private static Duration ofSeconds(BigDecimal seconds) {
        return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
    }
}
