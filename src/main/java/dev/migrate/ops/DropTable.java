package dev.migrate.ops;

import java.util.Optional;

/** @param definition the dropped table's definition when the file gives it, so the drop can be inverted; or null */
public record DropTable(Source at, String table, TableDefinition definition) implements Operation {
    @Override
    public String kind() {
        return "drop_table";
    }

    @Override
    public Optional<Operation> inverse() {
        return definition == null ? Optional.empty() : Optional.of(new CreateTable(at, definition));
    }
}
