package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.ops.Operation;
import dev.migrate.sql.Catalog;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Statement.Phase;
import dev.migrate.sql.Statement;
import io.smallrye.mutiny.Uni;

/**
 * The statements of an operation SQLite carries out by rebuilding tables. Their SQL depends on
 * the tables as they are when the operation runs (earlier statements of the revision may have
 * changed them), so it is computed then, from {@code sqlite_master}. Around it: foreign keys off
 * before the revision's transaction and back on after it, as SQLite's procedure requires, and a
 * foreign key check of the whole database before the commit, which fails the revision when a
 * row references nothing.
 */
final class TableRebuilds {
    static final String FOREIGN_KEYS_OFF = "PRAGMA foreign_keys = OFF";
    static final String FOREIGN_KEYS_ON = "PRAGMA foreign_keys = ON";

    /** The SQL of an operation, written from the schema of its database as it is when it runs. */
    @FunctionalInterface
    interface Plan {
        Uni<List<String>> sql(SqliteSchema schema, Catalog catalog);
    }

    /** How a rebuild changes one table; fails with {@link CheckFailed} when the table cannot take it. */
    @FunctionalInterface
    interface Edit {
        TableChange apply(TableDef table);
    }

    private TableRebuilds() {
    }

    /**
     * The statements of {@code op}, whose SQL {@code plan} writes from the schema of
     * {@code attached} (an attached database, or null for main); {@code what} says what it does.
     */
    static List<Statement> statements(Operation op, String attached, String what, Plan plan) {
        return around(op, attached, Statement.computed("-- " + what + ": written when it runs, from the schema as it is then",
                op.line(), Phase.IN_TRANSACTION, catalog -> schemaWhenItRuns(catalog, attached)
                        .flatMap(schema -> plan.sql(schema, catalog))));
    }

    /** {@code body} with the foreign key switches and check a rebuild needs around it. */
    private static List<Statement> around(Operation op, String attached, Statement body) {
        int line = op.line();
        return List.of(
                Statement.in(Phase.BEFORE_TRANSACTION, FOREIGN_KEYS_OFF, line),
                body,
                Statement.computed(foreignKeyCheck(attached), line, Phase.END_OF_TRANSACTION,
                        catalog -> catalog.query(foreignKeyCheck(attached)).map(TableRebuilds::refuseDangling)),
                Statement.in(Phase.AFTER_TRANSACTION, FOREIGN_KEYS_ON, line));
    }

    /** The schema of {@code attached} (null: main) as it is now, once it is sure foreign keys are off. */
    static Uni<SqliteSchema> schemaWhenItRuns(Catalog catalog, String attached) {
        return checkForeignKeysOff(catalog).flatMap(v -> catalog.query(SqliteSchema.query(attached))).map(SqliteSchema::of);
    }

    /**
     * The statements of {@code op}, rebuilding {@code table} ({@code name} or {@code schema.name})
     * as {@code edit} says; {@code plain} when the edit copies each column from the same-named one,
     * so that a following operation on the table can share the rebuild ({@link TableEdits}).
     */
    static List<Statement> rebuild(Operation op, String table, boolean plain, Edit edit) {
        String[] name = split(table);
        TableEdits edits = new TableEdits(name[0], name[1], List.of(new TableEdits.Step(op, edit, plain)));
        return around(op, name[0], edits.statement());
    }

    static List<Statement> rebuild(Operation op, String table, Edit edit) {
        return rebuild(op, table, true, edit);
    }

    /** {@code [attached database or null, table]} of a table name written {@code table} or {@code schema.table}. */
    static String[] split(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? new String[] {null, table} : new String[] {table.substring(0, dot), table.substring(dot + 1)};
    }

    /** The definition of table {@code name}; fails naming it when there is none. */
    static TableDef table(SqliteSchema schema, String name) {
        SchemaObject o = schema.table(name);
        if (o == null || o.sql() == null) throw new CheckFailed("table " + name + " does not exist");
        try {
            return TableDef.parse(o.sql());
        } catch (IllegalArgumentException e) {
            throw new CheckFailed("table " + name + " cannot be rebuilt: it is " + e.getMessage());
        }
    }

    /**
     * With foreign keys on, dropping the old table would delete the rows that reference it
     * (ON DELETE CASCADE) or fail. The runner switches them off before the transaction; this
     * makes sure it did rather than lose rows.
     */
    private static Uni<Void> checkForeignKeysOff(Catalog catalog) {
        return catalog.query("PRAGMA foreign_keys").map(rows -> {
            if (!rows.isEmpty() && "1".equals(rows.get(0).get(0))) {
                throw new CheckFailed("a table rebuild cannot run while SQLite enforces foreign keys, and PRAGMA"
                        + " foreign_keys = OFF has no effect inside an open transaction; nothing was changed");
            }
            return null;
        });
    }

    private static String foreignKeyCheck(String attached) {
        return "PRAGMA " + (attached == null ? "" : SqliteDialect.INSTANCE.quote(attached) + ".") + "foreign_key_check";
    }

    /** Rows of PRAGMA foreign_key_check: table, rowid, parent table, foreign key id. */
    private static List<String> refuseDangling(List<List<String>> rows) {
        if (rows.isEmpty()) return List.of();
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        for (List<String> r : rows) {
            byTable.computeIfAbsent(r.get(0) + " referencing " + r.get(2), k -> new ArrayList<>()).add(r.get(1));
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byTable.entrySet()) {
            List<String> rowids = e.getValue();
            String shown = String.join(", ", rowids.subList(0, Math.min(5, rowids.size())).stream()
                    .map(String::valueOf).toList()) + (rowids.size() > 5 ? ", ..." : "");
            parts.add(rowids.size() + " row(s) of table " + e.getKey() + " (rowid " + shown + ")");
        }
        throw new CheckFailed("PRAGMA foreign_key_check found rows whose foreign key matches no row: "
                + String.join("; ", parts) + ". This revision rebuilds a table, so it runs with foreign keys off"
                + " (SQLite cannot switch them inside a transaction) and checks them before it commits; fix or delete"
                + " those rows first");
    }
}
