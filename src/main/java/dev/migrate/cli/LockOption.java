package dev.migrate.cli;

import picocli.CommandLine.Option;

/** {@code --lock-timeout}: of the commands that take the migration lock (upgrade, downgrade, stamp). */
public class LockOption {
    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "How long to wait for the migration lock (lock_timeout; e.g. 60s).")
    String timeout;
}
