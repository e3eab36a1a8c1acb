package dev.migrate.ops;

import java.util.Optional;

public record CreateUniqueConstraint(Source at, String table, UniqueConstraint constraint) implements Operation {
    @Override
    public String kind() {
        return "create_unique_constraint";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(at, table, constraint.name(), constraint.type(), constraint));
    }
}
