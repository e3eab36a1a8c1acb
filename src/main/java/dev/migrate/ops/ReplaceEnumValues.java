package dev.migrate.ops;

import java.util.List;
import java.util.Optional;

/**
 * Gives an enum type a new list of values, converting every column that uses it; refused when a
 * row holds a value the new list lacks.
 *
 * @param oldValues the values before, which make the operation invertible; or null
 */
public record ReplaceEnumValues(Source at, String name, String schema, List<String> values, List<String> oldValues)
        implements EnumOperation {
    public ReplaceEnumValues {
        values = List.copyOf(values);
        oldValues = oldValues == null ? null : List.copyOf(oldValues);
    }

    @Override
    public String kind() {
        return "replace_enum_values";
    }

    @Override
    public Optional<Operation> inverse() {
        return oldValues == null ? Optional.empty() : Optional.of(new ReplaceEnumValues(at, name, schema, oldValues, values));
    }
}
