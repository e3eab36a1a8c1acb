package dev.migrate.ops;

import java.util.Optional;

/**
 * @param table   the table, possibly schema-qualified ({@code schema.table})
 * @param newName its new name, without schema: a rename never moves a table between schemas
 */
public record RenameTable(Source at, String table, String newName) implements Operation {
    @Override
    public String kind() {
        return "rename_table";
    }

    @Override
    public Optional<Operation> inverse() {
        int dot = table.lastIndexOf('.');
        String schema = dot < 0 ? "" : table.substring(0, dot + 1);
        return Optional.of(new RenameTable(at, schema + newName, table.substring(dot + 1)));
    }
}
