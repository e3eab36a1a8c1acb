package dev.migrate.ops;

import java.util.Optional;

/**
 * {@code create_foreign_key}; {@code notValid} adds it without checking the existing rows (PostgreSQL's
 * {@code NOT VALID}: only new and changed rows are checked until a {@link ValidateConstraint}).
 */
public record CreateForeignKey(Source at, String table, ForeignKey key, boolean notValid) implements Operation {
    public CreateForeignKey(Source at, String table, ForeignKey key) {
        this(at, table, key, false);
    }

    @Override
    public String kind() {
        return "create_foreign_key";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(at, table, key.name(), key.type(), key));
    }
}
