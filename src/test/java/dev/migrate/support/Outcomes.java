package dev.migrate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.vertx.core.json.JsonObject;

/** Assertions on a finished command line run that print everything it wrote when they fail. */
public final class Outcomes {
    private Outcomes() {
    }

    public static String describe(LaunchResult r) {
        return "exit " + r.exitCode() + "\nstdout:\n" + r.getOutput() + "\nstderr:\n" + r.getErrorOutput();
    }

    /** Exit 0; returns standard output. */
    public static String ok(LaunchResult r) {
        assertEquals(0, r.exitCode(), () -> describe(r));
        return r.getOutput();
    }

    /**
     * Exits with {@code code}, a message on standard error and no stack trace or exception class
     * name anywhere; returns standard error.
     */
    public static String fails(LaunchResult r, int code) {
        assertEquals(code, r.exitCode(), () -> describe(r));
        String all = r.getOutput() + r.getErrorOutput();
        assertFalse(all.contains("Exception"), () -> describe(r));
        assertFalse(all.contains("\tat "), () -> describe(r));
        assertFalse(r.getErrorOutput().isBlank(), () -> describe(r));
        return r.getErrorOutput();
    }

    /** {@code field} of a {@code --json} result: a whole number of milliseconds, not negative; gives it. */
    public static long millis(JsonObject json, String field) {
        Object value = json.getValue(field);
        assertTrue(value instanceof Integer || value instanceof Long, field + " is a whole number of ms in " + json.encode());
        long ms = ((Number) value).longValue();
        assertTrue(ms >= 0, field + " >= 0 in " + json.encode());
        return ms;
    }
}
