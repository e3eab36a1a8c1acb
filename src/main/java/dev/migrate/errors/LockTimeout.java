package dev.migrate.errors;

import java.time.Duration;

import dev.migrate.MigrateException;
import dev.migrate.config.Durations;

/** Another run held the migration lock for longer than {@code lock_timeout}: names the lock, its holder and the timeout. */
public class LockTimeout extends MigrateException {
    public LockTimeout(String lock, String holder, Duration timeout) {
        super("could not take the migration lock within " + Durations.format(timeout) + " (lock_timeout / --lock-timeout): "
                + lock + " is held by " + (holder == null ? "another run (its holder could not be identified)" : holder)
                + ". Another migration is probably running; let it finish, or raise lock_timeout (--lock-timeout).");
    }
}
