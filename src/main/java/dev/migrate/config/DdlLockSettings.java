package dev.migrate.config;

import java.time.Duration;

/**
 * How a migration's DDL waits for its locks on PostgreSQL (README, "Lock-aware DDL"). SQLite has
 * no queue of this kind and ignores them: its busy timeout is the migration lock's machinery.
 *
 * @param lockTimeout how long one statement waits for a lock before it gives up ({@code lock_timeout});
 *                    zero waits without limit, as PostgreSQL does by default
 * @param retries how many times a revision whose statement gave up waiting is rolled back and run again
 * @param statementTimeout how long one statement may run ({@code statement_timeout}); zero for no limit
 */
public record DdlLockSettings(Duration lockTimeout, int retries, Duration statementTimeout) {
    /** What migrate.yaml gives when it says nothing: wait 5s for a lock, 5 retries, no statement limit. */
    public static final DdlLockSettings DEFAULTS = new DdlLockSettings(Duration.ofSeconds(5), 5, Duration.ZERO);

    public DdlLockSettings {
        if (lockTimeout.isNegative() || statementTimeout.isNegative() || retries < 0) {
            throw new IllegalArgumentException("ddl lock settings must not be negative");
        }
    }

    /** Whether statements wait for their locks at most {@link #lockTimeout()}. */
    public boolean limitsLockWaits() {
        return !lockTimeout.isZero();
    }

    /** Whether statements run at most {@link #statementTimeout()}. */
    public boolean limitsStatements() {
        return !statementTimeout.isZero();
    }

    /** These settings with another {@link #lockTimeout()} ({@code --ddl-lock-timeout}). */
    public DdlLockSettings withLockTimeout(Duration d) {
        return new DdlLockSettings(d, retries, statementTimeout);
    }

    /**
     * A limit as written: {@code off} (or {@code false}) for none, else a duration, {@code 0} also
     * meaning none; an {@link IllegalArgumentException} saying what is accepted.
     */
    public static Duration limit(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("off") || t.equalsIgnoreCase("false")) return Duration.ZERO;
        try {
            return Durations.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", or off");
        }
    }

    /** A duration as migrate.yaml shows it: {@code off} for zero. */
    public static String format(Duration d) {
        return d.isZero() ? "off" : Durations.format(d);
    }
}
