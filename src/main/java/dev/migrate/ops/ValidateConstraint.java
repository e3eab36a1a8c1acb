package dev.migrate.ops;

import java.util.Optional;

/**
 * {@code validate_constraint}: checks the existing rows against a foreign key or check added
 * {@code not_valid}, under a lock that lets reads and writes go on (PostgreSQL's {@code VALIDATE
 * CONSTRAINT}). SQLite has no unvalidated constraints, so there it does nothing.
 *
 * @param undo the derived downgrade's step: a constraint cannot be made unvalidated again, and
 *             need not be (dropping it is the inverse of its create_ operation), so it does nothing
 */
public record ValidateConstraint(Source at, String table, String name, boolean undo) implements Operation {
    public ValidateConstraint(Source at, String table, String name) {
        this(at, table, name, false);
    }

    @Override
    public String kind() {
        return "validate_constraint";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new ValidateConstraint(at, table, name, !undo));
    }
}
