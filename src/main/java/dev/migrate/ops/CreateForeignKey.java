package dev.migrate.ops;

import java.util.Optional;

public record CreateForeignKey(Source at, String table, ForeignKey key) implements Operation {
    @Override
    public String kind() {
        return "create_foreign_key";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(at, table, key.name(), key.type(), key));
    }
}
