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
        if (serial == null) return List.of(Map.of("create_table", table));
        Map<String, Object> postgres = copy(table);
        for (Map<String, Object> c : (List<Map<String, Object>>) postgres.get("columns")) {
            if (c.get("name").equals(serial.get("name"))) c.put("type", SERIALS.get(c.get("type")));
        }
        postgres.put("dialect", "postgresql");
        Map<String, Object> sqlite = copy(table);
        sqlite.put("dialect", "sqlite");
        return List.of(Map.of("create_table", postgres), Map.of("create_table", sqlite));
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
