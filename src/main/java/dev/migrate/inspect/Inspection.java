package dev.migrate.inspect;

import java.util.List;

import dev.migrate.schema.Schema;

/**
 * What an inspection found.
 *
 * @param warnings what the database holds that the schema cannot say (an index key's sort order, an
 *                 exclusion constraint, ...), one sentence each, for the user to read
 */
public record Inspection(Schema schema, List<String> warnings) {
    public Inspection {
        warnings = List.copyOf(warnings);
    }
}
