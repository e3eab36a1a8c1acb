package dev.migrate.alembic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLAlchemy makes the single integer primary key of a created table SERIAL on PostgreSQL (and a
 * plain INTEGER PRIMARY KEY, the rowid, on SQLite) unless the column says autoincrement=False.
 * Such a table is written twice, once per dialect, so both catalogs match what Alembic makes.
 */
final class Serial {
    static final String NOT_SERIAL = "__not_serial";
    /** A column's type on SQLite when SQLAlchemy makes another one there (an enum is a VARCHAR). */
    static final String SQLITE_TYPE = "__sqlite_type";
    private static final Map<String, String> SERIALS = Map.of("integer", "sql(SERIAL)", "bigint", "sql(BIGSERIAL)",
            "smallint", "sql(SMALLSERIAL)");

    private Serial() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> split(Map<String, Object> table, List<String> pkColumns) {
        List<Map<String, Object>> columns = (List<Map<String, Object>>) table.get("columns");
        Map<String, Object> serial = null;
        if (pkColumns.size() == 1) {
            for (Map<String, Object> c : columns) {
                if (c.get("name").equals(pkColumns.get(0)) && SERIALS.containsKey(c.get("type")) && !c.containsKey(NOT_SERIAL)
                        && !referenced(table, pkColumns.get(0))) {
                    serial = c;
                }
            }
        }
        for (Map<String, Object> c : columns) c.remove(NOT_SERIAL);
        boolean sqliteTypes = columns.stream().anyMatch(c -> c.containsKey(SQLITE_TYPE));
        if (serial == null && !sqliteTypes) return List.of(Map.of("create_table", table));
        Map<String, Object> postgres = copy(table);
        for (Map<String, Object> c : (List<Map<String, Object>>) postgres.get("columns")) {
            if (serial != null && c.get("name").equals(serial.get("name"))) c.put("type", SERIALS.get(c.get("type")));
            c.remove(SQLITE_TYPE);
        }
        postgres.put("dialect", "postgresql");
        Map<String, Object> sqlite = copy(table);
        for (Map<String, Object> c : (List<Map<String, Object>>) sqlite.get("columns")) sqliteColumn(c);
        sqlite.put("dialect", "sqlite");
        return List.of(Map.of("create_table", postgres), Map.of("create_table", sqlite));
    }

    /** An add_column whose column has another type on SQLite: once per dialect; else as it is. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> splitAddColumn(Map<String, Object> addColumn) {
        Map<String, Object> column = (Map<String, Object>) addColumn.get("column");
        if (!column.containsKey(SQLITE_TYPE)) return List.of(Map.of("add_column", addColumn));
        Map<String, Object> postgres = new LinkedHashMap<>(addColumn);
        Map<String, Object> pgColumn = new LinkedHashMap<>(column);
        pgColumn.remove(SQLITE_TYPE);
        postgres.put("column", pgColumn);
        postgres.put("dialect", "postgresql");
        Map<String, Object> sqlite = new LinkedHashMap<>(addColumn);
        Map<String, Object> liteColumn = new LinkedHashMap<>(column);
        sqliteColumn(liteColumn);
        sqlite.put("column", liteColumn);
        sqlite.put("dialect", "sqlite");
        return List.of(Map.of("add_column", postgres), Map.of("add_column", sqlite));
    }

    private static void sqliteColumn(Map<String, Object> c) {
        Object type = c.remove(SQLITE_TYPE);
        if (type == null) return;
        c.put("type", type);
        c.remove("values");
    }

    @SuppressWarnings("unchecked")
    private static boolean referenced(Map<String, Object> table, String column) {
        for (Object fk : (List<Object>) table.getOrDefault("foreign_keys", List.of())) {
            if (((List<String>) ((Map<String, Object>) fk).get("columns")).contains(column)) return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> table) {
        Map<String, Object> out = new LinkedHashMap<>(table);
        List<Object> columns = new ArrayList<>();
        for (Object c : (List<Object>) table.get("columns")) columns.add(new LinkedHashMap<>((Map<String, Object>) c));
        out.put("columns", columns);
        return out;
    }
}
