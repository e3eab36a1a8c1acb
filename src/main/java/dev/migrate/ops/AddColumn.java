package dev.migrate.ops;

import java.util.Optional;

public record AddColumn(Source at, String table, Column column) implements Operation {
    @Override
    public String kind() {
        return "add_column";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropColumn(at, table, column.name(), column));
    }
}
