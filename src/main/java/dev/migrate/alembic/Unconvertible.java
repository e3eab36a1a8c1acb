package dev.migrate.alembic;

/** Raised while converting one statement that has no migrate equivalent; the statement is then quoted in {@code unconverted:}. */
final class Unconvertible extends RuntimeException {
    Unconvertible(String reason) {
        super(reason, null, false, false);
    }
}
