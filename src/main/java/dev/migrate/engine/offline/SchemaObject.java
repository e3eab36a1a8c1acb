package dev.migrate.engine.offline;

/**
 * One row of the modelled {@code sqlite_master}.
 *
 * @param type  {@code table}, {@code index}, {@code trigger} or {@code view}
 * @param name  the object's name
 * @param table the table it belongs to (its own name for tables and views)
 * @param sql   the text SQLite would store for it
 */
public record SchemaObject(String type, String name, String table, String sql) {
}
