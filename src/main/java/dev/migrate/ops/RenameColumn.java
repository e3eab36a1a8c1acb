package dev.migrate.ops;

import java.util.Optional;

public record RenameColumn(Source at, String table, String column, String newName) implements Operation {
    @Override
    public String kind() {
        return "rename_column";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new RenameColumn(at, table, newName, column));
    }
}
