package dev.migrate.errors;

import dev.migrate.MigrateException;

/**
 * The run was interrupted: by a caller's request, exit status 130, as a shell reports Ctrl-C; by
 * a signal, 128 + its number (SIGINT 130, SIGTERM 143).
 */
public class RunInterrupted extends MigrateException {
    public static final int EXIT_STATUS = 130;

    public RunInterrupted(String message) {
        this(message, EXIT_STATUS);
    }

    public RunInterrupted(String message, int exitStatus) {
        super(message, exitStatus, null);
    }
}
