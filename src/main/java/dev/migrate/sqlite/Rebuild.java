package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL that replaces a SQLite table by a changed copy, following SQLite's documented
 * procedure for the schema changes ALTER TABLE cannot make (lang_altertable.html, "Making
 * Other Kinds Of Table Schema Changes"): create the new table under a free name, copy the rows,
 * drop the old table, rename the new one into place, and recreate the indexes and triggers the
 * drop took with it, and the views and triggers that name the table.
 *
 * <p>The foreign-key steps of that procedure are the caller's: {@code PRAGMA foreign_keys=OFF}
 * before the transaction (inside one it does nothing) and {@code PRAGMA foreign_key_check}
 * before the commit. With foreign keys on, dropping the old table would run its ON DELETE
 * actions against the rows that reference it. A savepoint keeps the steps all or nothing even
 * in a revision that runs outside a transaction.
 */
final class Rebuild {
    static final String SAVEPOINT = "migrate_rebuild";

    private Rebuild() {
    }

    /** The statements that turn table {@code old} of {@code schema} (in {@code attached}, or main when null) into {@code change}. */
    static List<String> sql(SqliteSchema schema, String attached, TableDef old, TableChange change) {
        SqliteDialect d = SqliteDialect.INSTANCE;
        String prefix = attached == null ? "" : d.quote(attached) + ".";
        String table = prefix + d.quote(old.name());
        String temporary = freeName(schema, "_migrate_new_" + old.name());
        List<SchemaObject> dependents = schema.dependents(old.name());
        List<String> out = new ArrayList<>();
        out.add("SAVEPOINT " + SAVEPOINT);
        for (int i = dependents.size() - 1; i >= 0; i--) {
            SchemaObject o = dependents.get(i);
            out.add("DROP " + o.type().toUpperCase(Locale.ROOT) + " " + prefix + d.quote(o.name()));
        }
        out.add(change.table().sql(prefix + d.quote(temporary)));
        if (autoincrement(old.sql(d.quote(old.name()))) && autoincrement(change.table().sql(temporary))) {
            // The copy sets the counter to the largest key copied; keep the old one, which may be higher.
            out.add("INSERT INTO " + prefix + "sqlite_sequence (name, seq) SELECT " + d.literal(temporary) + ", seq FROM "
                    + prefix + "sqlite_sequence WHERE name = " + d.literal(old.name()));
        }
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ColumnDef c : change.table().columns()) {
            String value = change.copy().get(c.name());
            if (value == null) continue;
            columns.add(c.nameSql());
            values.add(value);
        }
        if (!columns.isEmpty()) {
            out.add("INSERT INTO " + prefix + d.quote(temporary) + " (" + String.join(", ", columns) + ") SELECT "
                    + String.join(", ", values) + " FROM " + table);
        }
        out.add("DROP TABLE " + table);
        out.add("ALTER TABLE " + prefix + d.quote(temporary) + " RENAME TO " + d.quote(old.name()));
        for (SchemaObject o : schema.attachedTo(old.name())) {
            if (o.is("index") && change.droppedIndexes().contains(o.name())) continue;
            if (o.is("index")) out.add(SqliteSchema.qualified(o.sql(), attached));
        }
        for (SchemaObject o : schema.attachedTo(old.name())) {
            if (o.is("trigger")) out.add(SqliteSchema.qualified(o.sql(), attached));
        }
        for (SchemaObject o : dependents) out.add(SqliteSchema.qualified(o.sql(), attached));
        out.add("RELEASE " + SAVEPOINT);
        return out;
    }

    private static boolean autoincrement(String sql) {
        for (SqlTokens.Token t : SqlTokens.of(sql)) if (t.is("AUTOINCREMENT")) return true;
        return false;
    }

    private static String freeName(SqliteSchema schema, String wanted) {
        String name = wanted;
        for (int i = 2; schema.has(name); i++) name = wanted + "_" + i;
        return name;
    }
}
