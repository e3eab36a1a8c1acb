package dev.migrate.ops;

import java.util.Optional;

public record CreateCheckConstraint(Source at, String table, CheckConstraint check) implements Operation {
    @Override
    public String kind() {
        return "create_check_constraint";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(at, table, check.name(), check.type(), check));
    }
}
