package dev.migrate.ops;

import java.util.Optional;

/** @param definition the dropped column's definition when the file gives it, so the drop can be inverted; or null */
public record DropColumn(Source at, String table, String column, Column definition) implements Operation {
    @Override
    public String kind() {
        return "drop_column";
    }

    @Override
    public Optional<Operation> inverse() {
        return definition == null ? Optional.empty() : Optional.of(new AddColumn(at, table, definition));
    }
}
