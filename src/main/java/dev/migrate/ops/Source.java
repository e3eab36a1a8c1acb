package dev.migrate.ops;

/** Where an operation was written, so that any error about it can send the user to that line. */
public record Source(String origin, int line) {
}
