package dev.migrate.ops;

import java.util.Optional;

public record RenameTable(Source at, String table, String newName) implements Operation {
    @Override
    public String kind() {
        return "rename_table";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new RenameTable(at, newName, table));
    }
}
