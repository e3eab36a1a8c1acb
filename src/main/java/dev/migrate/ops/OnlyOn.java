package dev.migrate.ops;

import java.util.Optional;

/**
 * An operation written with {@code dialect: NAME}: it runs on that dialect and is skipped on the
 * others, so one revision file can hold PostgreSQL-only steps (extensions, TimescaleDB) and still
 * run on SQLite.
 */
public record OnlyOn(Source at, String dialect, Operation operation) implements Operation {
    @Override
    public String kind() {
        return operation.kind();
    }

    @Override
    public Optional<Operation> inverse() {
        return operation.inverse().map(inverse -> new OnlyOn(at, dialect, inverse));
    }
}
