package dev.migrate.support;

import java.util.ArrayList;
import java.util.List;

/**
 * What a migration leaves in a database, as comparable text: every table, column, type, default,
 * constraint, index, view, trigger, function, comment and enum, the version rows, and the history
 * rows without what depends on when and by whom they ran.
 */
public final class Catalogs {
    private static final String PG_PUBLIC = "(SELECT oid FROM pg_namespace WHERE nspname = 'public')";

    private Catalogs() {
    }

    public static List<String> postgres(TestDatabase db) {
        List<String> out = new ArrayList<>();
        section(out, db, "relations", "SELECT relname, relkind FROM pg_class WHERE relnamespace = " + PG_PUBLIC
                + " ORDER BY relname");
        section(out, db, "columns", "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " a.attidentity, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE c.relnamespace = " + PG_PUBLIC
                + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum");
        section(out, db, "constraints", "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE connamespace = " + PG_PUBLIC + " ORDER BY 1, 2");
        section(out, db, "indexes", "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
                + " ORDER BY 1, 2");
        section(out, db, "views", "SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1");
        section(out, db, "enums", "SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t"
                + " JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1");
        section(out, db, "functions", "SELECT proname, pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = " + PG_PUBLIC
                + " ORDER BY 1");
        section(out, db, "triggers", "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1");
        section(out, db, "comments", "SELECT c.relname, d.objsubid, d.description FROM pg_description d JOIN pg_class c"
                + " ON c.oid = d.objoid WHERE c.relnamespace = " + PG_PUBLIC + " ORDER BY 1, 2");
        section(out, db, "extensions", "SELECT extname FROM pg_extension ORDER BY 1");
        section(out, db, "versions", "SELECT version_num FROM alembic_version ORDER BY 1");
        section(out, db, "history", "SELECT revision, direction, checksum, db_user, tool_version, message FROM migrate_history"
                + " ORDER BY id");
        return out;
    }

    /** SQLite: the whole sqlite_master; the history rows without the user (the OS user online, none offline). */
    public static List<String> sqlite(TestDatabase db) {
        List<String> out = new ArrayList<>();
        section(out, db, "schema", "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
        section(out, db, "versions", "SELECT version_num FROM alembic_version ORDER BY 1");
        section(out, db, "history", "SELECT revision, direction, checksum, tool_version, message,"
                + " started_at LIKE '____-__-__T__:__:__.___Z' FROM migrate_history ORDER BY id");
        return out;
    }

    private static void section(List<String> out, TestDatabase db, String name, String sql) {
        out.add("-- " + name);
        for (List<String> row : db.query(sql)) out.add(String.join(" | ", row.stream().map(String::valueOf).toList()));
    }
}
