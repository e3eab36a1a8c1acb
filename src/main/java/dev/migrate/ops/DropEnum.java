package dev.migrate.ops;

import java.util.List;
import java.util.Optional;

/** @param values the dropped type's values when the file gives them, so the drop can be inverted; or null */
public record DropEnum(Source at, String name, String schema, List<String> values, boolean ifExists)
        implements EnumOperation {
    public DropEnum {
        values = values == null ? null : List.copyOf(values);
    }

    @Override
    public String kind() {
        return "drop_enum";
    }

    @Override
    public Optional<Operation> inverse() {
        return values == null ? Optional.empty() : Optional.of(new CreateEnum(at, name, schema, values));
    }
}
