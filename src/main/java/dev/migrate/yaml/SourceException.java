package dev.migrate.yaml;

import dev.migrate.MigrateException;

/** A problem in a file the user wrote, reported as {@code file:line: message}. */
public class SourceException extends MigrateException {
    private final String origin;
    private final int line;

    public SourceException(String origin, int line, String message) {
        super(line > 0 ? origin + ":" + line + ": " + message : origin + ": " + message);
        this.origin = origin;
        this.line = line;
    }

    public String origin() {
        return origin;
    }

    public int line() {
        return line;
    }
}
