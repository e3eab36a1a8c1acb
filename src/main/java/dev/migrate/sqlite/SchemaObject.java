package dev.migrate.sqlite;

/**
 * One row of {@code sqlite_master}, read from a database or from the offline schema model
 * ({@link SqliteSchemaModel}).
 *
 * @param type  {@code table}, {@code index}, {@code trigger} or {@code view}
 * @param name  the object's name
 * @param table the table it belongs to (its own name for tables and views)
 * @param sql   the text SQLite stores for it; null for the indexes SQLite makes for UNIQUE and PRIMARY KEY
 */
public record SchemaObject(String type, String name, String table, String sql) {
    boolean is(String t) {
        return type.equals(t);
    }
}
