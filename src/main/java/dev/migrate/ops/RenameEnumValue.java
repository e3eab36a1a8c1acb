package dev.migrate.ops;

import java.util.Optional;

public record RenameEnumValue(Source at, String name, String schema, String value, String newValue)
        implements EnumOperation {
    @Override
    public String kind() {
        return "rename_enum_value";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new RenameEnumValue(at, name, schema, newValue, value));
    }
}
