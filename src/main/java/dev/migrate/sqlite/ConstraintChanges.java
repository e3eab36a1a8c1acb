package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.Operation;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.TableConstraint;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Statement;

/**
 * create_primary_key, create_unique_constraint, create_foreign_key, create_check_constraint and
 * drop_constraint on SQLite, which has no ALTER TABLE for constraints: each rebuilds the table
 * with the constraint added to or removed from its definition.
 */
final class ConstraintChanges {
    private final SqliteDialect dialect;

    ConstraintChanges(SqliteDialect dialect) {
        this.dialect = dialect;
    }

    List<Statement> add(Operation op, String table, TableConstraint constraint) {
        String sql = dialect.constraintSql(constraint);
        TableConstraintDef added = TableConstraintDef.parse(sql, SqlTokens.of(sql));
        return TableRebuilds.rebuild(op, table, def -> {
            if (constraint instanceof PrimaryKey && def.hasPrimaryKey()) {
                throw new CheckFailed("table " + def.name() + " already has a primary key");
            }
            for (TableConstraintDef c : def.constraints()) {
                if (constraint.name() != null && constraint.name().equalsIgnoreCase(c.name())) {
                    throw new CheckFailed("table " + def.name() + " already has a constraint named " + c.name());
                }
            }
            return TableChange.of(def, def.plus(added));
        });
    }

    List<Statement> drop(DropConstraint op) {
        return TableRebuilds.rebuild(op, op.table(), def -> {
            TableDef without = without(def, op.name(), op.type());
            if (without == null) {
                throw new CheckFailed("table " + def.name() + " has no " + (op.type() == null ? "" : op.type().replace('_', ' ') + " ")
                        + "constraint named " + op.name() + named(def));
            }
            return TableChange.of(def, without);
        });
    }

    /**
     * The table without the constraint {@code name}: a table constraint or a column constraint of
     * that name; an unnamed one matches the name PostgreSQL would have given it ({@code t_pkey},
     * {@code t_a_key}, {@code t_a_fkey}, {@code t_a_check}), so one revision drops it on both
     * databases; and the primary key, however named, when {@code type} is primary_key. Null
     * when nothing matches.
     */
    static TableDef without(TableDef table, String name, String type) {
        List<TableConstraintDef> constraints = new ArrayList<>();
        boolean found = false;
        for (TableConstraintDef c : table.constraints()) {
            String implied = c.name() != null ? c.name() : implied(table.name(), c.columns(), c.kind());
            if (!found && name.equalsIgnoreCase(implied) && fits(c.kind(), type)) {
                found = true;
            } else {
                constraints.add(c);
            }
        }
        List<ColumnDef> columns = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            List<ColumnDef.Clause> clauses = new ArrayList<>();
            for (ColumnDef.Clause c : column.clauses()) {
                String implied = c.name() != null ? c.name() : implied(table.name(), List.of(column.name()), c.kind());
                if (!found && name.equalsIgnoreCase(implied) && fits(c.kind(), type)) {
                    found = true;
                } else {
                    clauses.add(c);
                }
            }
            columns.add(column.withClauses(clauses));
        }
        if (found) return table.withColumns(columns).withConstraints(constraints);
        return "primary_key".equals(type) ? withoutPrimaryKey(table) : null;
    }

    private static TableDef withoutPrimaryKey(TableDef table) {
        if (!table.hasPrimaryKey()) return null;
        List<TableConstraintDef> constraints = new ArrayList<>();
        for (TableConstraintDef c : table.constraints()) if (!c.kind().equals("PRIMARY")) constraints.add(c);
        List<ColumnDef> columns = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            List<ColumnDef.Clause> clauses = new ArrayList<>();
            for (ColumnDef.Clause c : column.clauses()) if (!c.is("PRIMARY")) clauses.add(c);
            columns.add(column.withClauses(clauses));
        }
        return table.withColumns(columns).withConstraints(constraints);
    }

    /** PostgreSQL's name for an unnamed constraint of {@code kind} on {@code columns}; null for other kinds. */
    private static String implied(String table, List<String> columns, String kind) {
        String cols = String.join("_", columns);
        switch (kind) {
            case "PRIMARY": return table + "_pkey";
            case "UNIQUE": return table + "_" + cols + "_key";
            case "FOREIGN": case "REFERENCES": return table + "_" + cols + "_fkey";
            case "CHECK": return columns.size() == 1 ? table + "_" + cols + "_check" : null;
            default: return null;
        }
    }

    /** Whether a constraint of SQL kind {@code kind} is of drop_constraint's {@code type} (null: any). */
    private static boolean fits(String kind, String type) {
        if (!List.of("PRIMARY", "UNIQUE", "FOREIGN", "REFERENCES", "CHECK").contains(kind)) return false;
        if (type == null) return true;
        switch (type) {
            case "primary_key": return kind.equals("PRIMARY");
            case "unique": return kind.equals("UNIQUE");
            case "foreign_key": return kind.equals("FOREIGN") || kind.equals("REFERENCES");
            default: return kind.equals("CHECK");
        }
    }

    private static String named(TableDef table) {
        List<String> names = new ArrayList<>();
        for (TableConstraintDef c : table.constraints()) if (c.name() != null) names.add(c.name());
        for (ColumnDef column : table.columns()) {
            for (ColumnDef.Clause c : column.clauses()) if (c.name() != null) names.add(c.name());
        }
        return names.isEmpty() ? " (it has no named constraints)"
                : " (its named constraints: " + String.join(", ", names.stream().distinct().toList()) + ")";
    }
}
