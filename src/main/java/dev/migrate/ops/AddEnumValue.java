package dev.migrate.ops;

import java.util.Optional;

/**
 * Adds one value to an enum type, at the end or next to an existing value. PostgreSQL cannot
 * remove a value from a type, so this has no inverse: a downgrade that needs one writes
 * {@code replace_enum_values} explicitly.
 *
 * @param before the existing value the new one goes before, or null
 * @param after  the existing value the new one goes after, or null (at most one of the two is set)
 */
public record AddEnumValue(Source at, String name, String schema, String value, String before, String after,
                           boolean ifNotExists) implements EnumOperation {
    @Override
    public String kind() {
        return "add_enum_value";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.empty();
    }
}
