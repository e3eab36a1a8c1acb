package dev.migrate.ops;

import java.util.Optional;

/**
 * {@code create_check_constraint}; {@code notValid} adds it without checking the existing rows (PostgreSQL's
 * {@code NOT VALID}: only new and changed rows are checked until a {@link ValidateConstraint}).
 */
public record CreateCheckConstraint(Source at, String table, CheckConstraint check, boolean notValid) implements Operation {
    public CreateCheckConstraint(Source at, String table, CheckConstraint check) {
        this(at, table, check, false);
    }

    @Override
    public String kind() {
        return "create_check_constraint";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(at, table, check.name(), check.type(), check));
    }
}
