package dev.migrate.inspect;

import java.util.List;

/**
 * What an inspection reads and what it leaves out.
 *
 * @param schemas   the PostgreSQL schemas to read ({@code include_schemas}); SQLite has only its main one
 * @param ownSchema the schema of the tool's own tables, or null for the session's default schema
 * @param ownTables the tool's own tables (the version table and the history table), never part of a schema
 */
public record InspectOptions(List<String> schemas, String ownSchema, List<String> ownTables) {
    public InspectOptions {
        schemas = List.copyOf(schemas);
        ownTables = List.copyOf(ownTables);
    }
}
