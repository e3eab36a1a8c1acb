package dev.migrate.sqlite;

import java.util.List;

/**
 * What a SQLite table rebuild needs to know of a table: the texts SQLite stores for it, its
 * indexes and its triggers, in creation order (automatic indexes of UNIQUE and PRIMARY KEY
 * constraints are part of the table's text, not listed).
 *
 * @param name     the table's name as declared
 * @param sql      its {@code CREATE TABLE} text
 * @param indexes  the {@code CREATE INDEX} texts of its indexes
 * @param triggers the {@code CREATE TRIGGER} texts of its triggers
 */
public record TableSchema(String name, String sql, List<String> indexes, List<String> triggers) {
    public TableSchema {
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
    }
}
