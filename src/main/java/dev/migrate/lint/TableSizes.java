package dev.migrate.lint;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrate.engine.Database;
import dev.migrate.postgres.PostgresDialect;
import io.smallrye.mutiny.Uni;

/**
 * How big each table of the database is, from the planner's statistics: one catalog query, no
 * table scanned. Lets lint tell the rewrite of an empty table (harmless) from one of a large table.
 * {@link #UNKNOWN} is lint without a database: every table that exists may hold rows.
 */
public final class TableSizes {
    public static final TableSizes UNKNOWN = new TableSizes(null);

    /**
     * {@code reltuples} is the planner's estimate (-1 when never analysed, PostgreSQL 14+), so the
     * pages on disk decide whether a table is empty: {@code pg_relation_size} reads the file's size,
     * no row. A partitioned table has no storage of its own: -1, "may have rows".
     */
    static final String QUERY = "SELECT n.nspname, c.relname, c.reltuples::bigint,"
            + " CASE WHEN c.relkind = 'p' THEN -1 ELSE pg_relation_size(c.oid) / current_setting('block_size')::int END"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm')"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'";

    /** Size by {@code table} and by {@code schema.table}, lower case; null when unknown. */
    private final Map<String, long[]> sizes;

    private TableSizes(Map<String, long[]> sizes) {
        this.sizes = sizes;
    }

    /** Reads the sizes of {@code db}; on SQLite there is nothing to read: lint is about PostgreSQL. */
    public static Uni<TableSizes> read(Database db) {
        if (!db.dialectName().equals(PostgresDialect.INSTANCE.name())) return Uni.createFrom().item(UNKNOWN);
        return db.query(QUERY).map(TableSizes::of);
    }

    /** Sizes from rows of schema, table, estimated rows, pages on disk (-1: unknown). */
    static TableSizes of(List<List<String>> rows) {
        Map<String, long[]> out = new HashMap<>();
        for (List<String> row : rows) {
            long[] size = {Long.parseLong(row.get(2)), Long.parseLong(row.get(3))};
            out.put((row.get(0) + "." + row.get(1)).toLowerCase(Locale.ROOT), size);
            out.putIfAbsent(row.get(1).toLowerCase(Locale.ROOT), size);
        }
        return new TableSizes(out);
    }

    public boolean known() {
        return sizes != null;
    }

    /**
     * Whether {@code table} may hold rows: unknown sizes say yes; a table the database lacks is
     * created by a revision not yet applied, so it will be empty.
     */
    boolean mayHaveRows(String table) {
        if (sizes == null) return true;
        long[] size = sizes.get(key(table));
        return size != null && (size[0] > 0 || size[1] != 0);
    }

    /** " (about N rows)" for a table of the database, else empty. */
    String describe(String table) {
        if (sizes == null) return "";
        long[] size = sizes.get(key(table));
        if (size == null) return "";
        if (size[0] > 0) return String.format(Locale.ROOT, " (about %,d rows)", size[0]);
        if (size[1] <= 0) return "";
        return String.format(Locale.ROOT, " (%,d page%s, not analysed)", size[1], size[1] == 1 ? "" : "s");
    }

    private static String key(String table) {
        return table.replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
