package dev.migrate.ops;

import java.util.List;
import java.util.Optional;

/** A new enum type with its values in order. */
public record CreateEnum(Source at, String name, String schema, List<String> values) implements EnumOperation {
    public CreateEnum {
        values = List.copyOf(values);
    }

    @Override
    public String kind() {
        return "create_enum";
    }

    /**
     * Dropping with IF EXISTS because a derived downgrade may already have dropped the type with
     * the last table that used it (see drop_table).
     */
    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropEnum(at, name, schema, values, true));
    }
}
