package dev.migrate.ops;

import java.util.Optional;

public record CreatePrimaryKey(Source at, String table, PrimaryKey key) implements Operation {
    @Override
    public String kind() {
        return "create_primary_key";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(at, table, key.name(), key.type(), key));
    }
}
