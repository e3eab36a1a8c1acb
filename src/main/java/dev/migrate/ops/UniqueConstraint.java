package dev.migrate.ops;

import java.util.List;

public record UniqueConstraint(String name, List<String> columns) implements TableConstraint {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }

    @Override
    public String type() {
        return "unique";
    }
}
