package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;


/**
 * The constraints of a SQLite {@code CREATE TABLE} statement (as {@code sqlite_master} keeps it)
 * that the pragmas do not give: CHECK constraints, constraint names, whether a foreign key is
 * deferrable, and AUTOINCREMENT. The statement is read by the dialect's {@link TableDef}, the
 * parser table rebuilds use; columns, types, defaults, keys and referential actions come from the
 * pragmas, which SQLite itself keeps exact.
 */
final class SqliteCreateTable {
    enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY }

    /**
     * A constraint, written on a column (its columns are then that column) or on the table.
     *
     * @param name       the name given with CONSTRAINT, or null
     * @param expression for a CHECK, its expression as written
     * @param refTable   for a foreign key, the table it refers to
     * @param refColumns for a foreign key, the columns named after the table (empty: its primary key)
     */
    record Constraint(Kind kind, String name, List<String> columns, String expression, String refTable,
                      List<String> refColumns, boolean deferrable, boolean initiallyDeferred) {
    }

    /** A column definition and the constraints written on it. */
    record ColumnDefinition(String name, boolean autoincrement, List<Constraint> constraints) {
    }

    record Definition(List<ColumnDefinition> columns, List<Constraint> constraints) {
    }

    private SqliteCreateTable() {
    }

    /** The definition; a statement without a column list has none (the pragmas still give its columns). */
    static Definition parse(String sql) {
        TableDef table;
        try {
            table = TableDef.parse(sql);
        } catch (IllegalArgumentException e) {
            return new Definition(List.of(), List.of());
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            List<Constraint> own = new ArrayList<>();
            List<String> self = List.of(c.name());
            for (ColumnDef.Clause clause : c.clauses()) {
                Constraint k = switch (clause.kind()) {
                    case "PRIMARY" -> simple(Kind.PRIMARY_KEY, clause.name(), self, null);
                    case "UNIQUE" -> simple(Kind.UNIQUE, clause.name(), self, null);
                    case "CHECK" -> simple(Kind.CHECK, clause.name(), self, clause.checkExpression());
                    case "REFERENCES" -> foreignKey(clause.name(), self, clause.reference());
                    default -> null;
                };
                if (k != null) own.add(k);
            }
            columns.add(new ColumnDefinition(c.name(), c.autoincrement(), own));
        }
        List<Constraint> constraints = new ArrayList<>();
        for (TableConstraintDef c : table.constraints()) {
            Constraint k = switch (c.kind()) {
                case "PRIMARY" -> simple(Kind.PRIMARY_KEY, c.name(), c.columns(), null);
                case "UNIQUE" -> simple(Kind.UNIQUE, c.name(), c.columns(), null);
                case "CHECK" -> simple(Kind.CHECK, c.name(), List.of(), c.checkExpression());
                case "FOREIGN" -> c.reference() == null ? null : foreignKey(c.name(), c.columns(), c.reference());
                default -> null;
            };
            if (k != null) constraints.add(k);
        }
        return new Definition(columns, constraints);
    }

    private static Constraint simple(Kind kind, String name, List<String> columns, String expression) {
        return new Constraint(kind, name, columns, expression, null, List.of(), false, false);
    }

    private static Constraint foreignKey(String name, List<String> columns, ForeignKeyReference r) {
        return new Constraint(Kind.FOREIGN_KEY, name, columns, null, r.table(), r.columns(), r.deferrable(),
                r.initiallyDeferred());
    }
}
