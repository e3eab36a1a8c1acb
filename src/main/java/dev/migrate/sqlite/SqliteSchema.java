package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.sqlite.SqlTokens.Token;

/**
 * The objects of one SQLite database (main or attached) as {@code sqlite_master} lists them, in
 * creation order: tables, indexes, views and triggers with their SQL. Pure data: the rebuild
 * reads it from a live database today and can read it from replayed operations tomorrow.
 */
final class SqliteSchema {
    private final List<SchemaObject> objects;

    SqliteSchema(List<SchemaObject> objects) {
        this.objects = List.copyOf(objects);
    }

    /** The query whose rows {@link #of} reads; {@code attached} names an attached database, or null for main. */
    static String query(String attached) {
        String master = attached == null ? "sqlite_master" : SqliteDialect.INSTANCE.quote(attached) + ".sqlite_master";
        return "SELECT type, name, tbl_name, sql FROM " + master + " ORDER BY rowid";
    }

    static SqliteSchema of(List<List<String>> rows) {
        List<SchemaObject> out = new ArrayList<>();
        for (List<String> r : rows) out.add(new SchemaObject(r.get(0), r.get(1), r.get(2), r.get(3)));
        return new SqliteSchema(out);
    }

    List<SchemaObject> objects() {
        return objects;
    }

    /** The table called {@code name} (any case), or null. */
    SchemaObject table(String name) {
        for (SchemaObject o : objects) if (o.is("table") && o.name().equalsIgnoreCase(name)) return o;
        return null;
    }

    boolean has(String name) {
        for (SchemaObject o : objects) if (o.name().equalsIgnoreCase(name)) return true;
        return false;
    }

    /** The tables, in creation order, SQLite's own ({@code sqlite_sequence}, ...) left out. */
    List<SchemaObject> tables() {
        List<SchemaObject> out = new ArrayList<>();
        for (SchemaObject o : objects) {
            if (o.is("table") && !o.name().toLowerCase(Locale.ROOT).startsWith("sqlite_")) out.add(o);
        }
        return out;
    }

    /** The indexes and triggers of {@code table} that have SQL of their own, in creation order. */
    List<SchemaObject> attachedTo(String table) {
        List<SchemaObject> out = new ArrayList<>();
        for (SchemaObject o : objects) {
            if ((o.is("index") || o.is("trigger")) && o.table().equalsIgnoreCase(table) && o.sql() != null) out.add(o);
        }
        return out;
    }

    /**
     * The views and the triggers of other tables whose SQL names {@code table}, and those naming
     * them in turn, in creation order. They must go while the table is replaced: since SQLite
     * 3.26, renaming the new table into place fails while any of them names a missing table.
     */
    List<SchemaObject> dependents(String table) {
        Set<String> names = new HashSet<>();
        names.add(table.toLowerCase(Locale.ROOT));
        Set<SchemaObject> found = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SchemaObject o : objects) {
                if (found.contains(o) || !(o.is("view") || o.is("trigger")) || o.sql() == null) continue;
                if (o.is("trigger") && o.table().equalsIgnoreCase(table)) continue;
                if (names.contains(o.table().toLowerCase(Locale.ROOT)) || mentionsAny(o.sql(), names)) {
                    found.add(o);
                    if (o.is("view")) names.add(o.name().toLowerCase(Locale.ROOT));
                    grew = true;
                }
            }
        }
        List<SchemaObject> out = new ArrayList<>();
        for (SchemaObject o : objects) if (found.contains(o)) out.add(o);
        return out;
    }

    private static boolean mentionsAny(String sql, Set<String> names) {
        for (Token t : SqlTokens.of(sql)) {
            if (t.isIdentifier() && names.contains(t.identifier().toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    /**
     * {@code sql} (a CREATE INDEX, TRIGGER or VIEW of this schema) with its name qualified by
     * {@code attached}: SQLite stores it unqualified, and would otherwise create it in main.
     */
    static String qualified(String sql, String attached) {
        if (attached == null) return sql;
        List<Token> tokens = SqlTokens.of(sql);
        int i = 1;
        while (i < tokens.size() && !(tokens.get(i).is("INDEX") || tokens.get(i).is("TRIGGER") || tokens.get(i).is("VIEW"))) i++;
        i++;
        if (i + 2 < tokens.size() && tokens.get(i).is("IF") && tokens.get(i + 1).is("NOT") && tokens.get(i + 2).is("EXISTS")) {
            i += 3;
        }
        if (i >= tokens.size()) return sql;
        int at = tokens.get(i).start();
        return sql.substring(0, at) + SqliteDialect.INSTANCE.quote(attached) + "." + sql.substring(at);
    }
}
