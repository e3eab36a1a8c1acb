package dev.migrate.support;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The default timeout JUnit applies to every test and lifecycle method of the JVM it runs in, as
 * JUnit reads it (from surefire's configuration, or failsafe's for the {@code *IT} classes), for
 * the tests that check it is set.
 */
public final class TestTimeouts implements BeforeAllCallback {
    public static final String DEFAULT = "junit.jupiter.execution.timeout.default";
    /** JUnit's format: a number, optionally a space, and a unit (ns, μs, ms, s, m, h, d). */
    private static final Pattern VALUE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

    private Optional<String> value = Optional.empty();

    @Override
    public void beforeAll(ExtensionContext context) {
        value = context.getConfigurationParameter(DEFAULT);
    }

    /** The default timeout, or null when none is set. */
    public Duration defaultTimeout() {
        return value.map(TestTimeouts::parse).orElse(null);
    }

    static Duration parse(String text) {
        Matcher m = VALUE.matcher(text.strip());
        if (!m.matches()) throw new AssertionError("not a JUnit timeout: " + text);
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase();
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
