package dev.migrate.cli;

import picocli.CommandLine.Option;

/** {@code --lock-timeout} and {@code --ddl-lock-timeout}: of the commands that take the migration lock (upgrade, downgrade, stamp). */
public class LockOption {
    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "How long to wait for the migration lock (lock_timeout; e.g. 60s).")
    String timeout;

    @Option(names = "--ddl-lock-timeout", paramLabel = "DURATION",
            description = "On PostgreSQL, how long each migration statement waits for its table lock before its revision"
                    + " is rolled back and retried (ddl_lock_timeout; e.g. 5s, off).")
    String ddlTimeout;
}
