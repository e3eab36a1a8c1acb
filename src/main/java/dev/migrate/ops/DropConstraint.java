package dev.migrate.ops;

import java.util.Optional;

/**
 * @param type       primary_key, unique, foreign_key or check; null when the file does not say
 * @param definition the dropped constraint when the file gives it, so the drop can be inverted; or null
 */
public record DropConstraint(Source at, String table, String name, String type, TableConstraint definition)
        implements Operation {
    @Override
    public String kind() {
        return "drop_constraint";
    }

    @Override
    public Optional<Operation> inverse() {
        if (definition instanceof PrimaryKey pk) return Optional.of(new CreatePrimaryKey(at, table, pk));
        if (definition instanceof UniqueConstraint u) return Optional.of(new CreateUniqueConstraint(at, table, u));
        if (definition instanceof ForeignKey fk) return Optional.of(new CreateForeignKey(at, table, fk));
        if (definition instanceof CheckConstraint c) return Optional.of(new CreateCheckConstraint(at, table, c));
        return Optional.empty();
    }
}
