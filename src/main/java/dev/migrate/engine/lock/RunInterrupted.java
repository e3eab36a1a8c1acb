package dev.migrate.engine.lock;

import dev.migrate.MigrateException;

/** The run was interrupted (SIGINT, SIGTERM, or a caller's request): exit status 130, as a shell reports Ctrl-C. */
public class RunInterrupted extends MigrateException {
    public static final int EXIT_STATUS = 130;

    public RunInterrupted(String message) {
        super(message, EXIT_STATUS, null);
    }
}
