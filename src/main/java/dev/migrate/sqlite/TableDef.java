package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.migrate.sqlite.SqlTokens.Token;

/**
 * A SQLite table as its CREATE TABLE statement defines it: the column definitions and table
 * constraints, each kept as written, and the options after the parenthesis ({@code STRICT},
 * {@code WITHOUT ROWID}). PRAGMA table_info forgets much of that (collations, generated
 * expressions, named and table-level checks), the text does not; a rebuild edits this model and
 * writes it back. Pure: it reads the schema's text, never a connection.
 */
public record TableDef(String name, List<ColumnDef> columns, List<TableConstraintDef> constraints, String options) {
    public TableDef {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }

    /**
     * Parses the text SQLite keeps in {@code sqlite_master.sql} for a table; fails with
     * IllegalArgumentException on a virtual table, whose definition belongs to its module.
     */
    public static TableDef parse(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        if (tokens.size() > 1 && tokens.get(1).is("VIRTUAL")) throw new IllegalArgumentException("a virtual table");
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol("(")) open++;
        int close = open < tokens.size() ? SqlTokens.closing(tokens, open) : -1;
        if (open == 0 || close < 0) throw new IllegalArgumentException("a table without a column list");
        List<ColumnDef> columns = new ArrayList<>();
        List<TableConstraintDef> constraints = new ArrayList<>();
        for (List<Token> part : SqlTokens.split(tokens, open + 1, close)) {
            if (part.isEmpty()) continue;
            if (TableConstraintDef.starts(part.get(0))) {
                constraints.add(TableConstraintDef.parse(sql, part));
            } else {
                columns.add(ColumnDef.parse(sql, part));
            }
        }
        String options = sql.substring(tokens.get(close).end()).strip();
        return new TableDef(tokens.get(open - 1).identifier(), columns, constraints, options);
    }

    /** The CREATE TABLE statement of this definition under the name {@code nameSql} (quoted as needed). */
    String sql(String nameSql) {
        List<String> parts = new ArrayList<>();
        for (ColumnDef c : columns) parts.add(c.sql());
        for (TableConstraintDef c : constraints) parts.add(c.sql());
        return "CREATE TABLE " + nameSql + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + (options.isEmpty() ? "" : " " + options);
    }

    /** The column called {@code column} (any case), or null. */
    ColumnDef column(String column) {
        for (ColumnDef c : columns) if (c.name().equalsIgnoreCase(column)) return c;
        return null;
    }

    TableDef withColumn(String column, UnaryOperator<ColumnDef> change) {
        List<ColumnDef> out = new ArrayList<>();
        for (ColumnDef c : columns) out.add(c.name().equalsIgnoreCase(column) ? change.apply(c) : c);
        return new TableDef(name, out, constraints, options);
    }

    /** Adds a column after the others, before the table constraints. */
    TableDef plus(ColumnDef column) {
        List<ColumnDef> out = new ArrayList<>(columns);
        out.add(column);
        return new TableDef(name, out, constraints, options);
    }

    TableDef plus(TableConstraintDef constraint) {
        List<TableConstraintDef> out = new ArrayList<>(constraints);
        out.add(constraint);
        return new TableDef(name, columns, out, options);
    }

    TableDef withColumns(List<ColumnDef> newColumns) {
        return new TableDef(name, newColumns, constraints, options);
    }

    TableDef withConstraints(List<TableConstraintDef> newConstraints) {
        return new TableDef(name, columns, newConstraints, options);
    }

    /** Whether the table has a primary key, declared on a column or on the table. */
    boolean hasPrimaryKey() {
        for (ColumnDef c : columns) if (c.has("PRIMARY")) return true;
        for (TableConstraintDef c : constraints) if (c.kind().equals("PRIMARY")) return true;
        return false;
    }
}
