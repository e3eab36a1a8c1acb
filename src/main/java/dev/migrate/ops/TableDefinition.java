package dev.migrate.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code create_table} says about a table; also kept by {@code drop_table} so the
 * drop can be inverted.
 *
 * @param primaryKey the table-level primary key, or null; columns flagged {@code primary_key}
 *                   are folded into it by {@link #effectivePrimaryKey()}
 */
public record TableDefinition(String name, List<Column> columns, PrimaryKey primaryKey,
                              List<UniqueConstraint> uniques, List<ForeignKey> foreignKeys,
                              List<CheckConstraint> checks, String comment) {
    public TableDefinition {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    /** The primary key, whether declared on the table or by flags on its columns; null when there is none. */
    public PrimaryKey effectivePrimaryKey() {
        if (primaryKey != null) return primaryKey;
        List<String> flagged = new ArrayList<>();
        for (Column c : columns) if (c.primaryKey()) flagged.add(c.name());
        return flagged.isEmpty() ? null : new PrimaryKey(null, flagged);
    }

    public Column column(String columnName) {
        for (Column c : columns) if (c.name().equals(columnName)) return c;
        return null;
    }
}
