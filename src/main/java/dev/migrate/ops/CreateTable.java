package dev.migrate.ops;

import java.util.Optional;

public record CreateTable(Source at, TableDefinition table) implements Operation {
    @Override
    public String kind() {
        return "create_table";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropTable(at, table.name(), table));
    }
}
