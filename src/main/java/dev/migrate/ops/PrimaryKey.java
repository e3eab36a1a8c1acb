package dev.migrate.ops;

import java.util.List;

public record PrimaryKey(String name, List<String> columns) implements TableConstraint {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }

    @Override
    public String type() {
        return "primary_key";
    }
}
