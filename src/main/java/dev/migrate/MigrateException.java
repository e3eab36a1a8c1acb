package dev.migrate;

/**
 * Every error a user can cause or meet: carries the exit status and a message that is printed
 * as it is, without a stack trace (README, "Commands", exit status: 1 failure, 2 wrong usage).
 */
public class MigrateException extends RuntimeException {
    private final int exitCode;

    public MigrateException(String message) {
        this(message, 1, null);
    }

    public MigrateException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    public MigrateException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Wrong usage of the command line: exit status 2. */
    public static MigrateException usage(String message) {
        return new MigrateException(message, 2, null);
    }
}
