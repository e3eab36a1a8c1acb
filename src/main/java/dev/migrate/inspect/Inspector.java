package dev.migrate.inspect;

import dev.migrate.engine.Database;
import io.smallrye.mutiny.Uni;

/**
 * Reads a live database's catalog into a {@link dev.migrate.schema.Schema}. Each engine sends a
 * fixed number of catalog queries whatever the number of tables: every query returns the rows of
 * all tables at once, never one table's.
 */
public interface Inspector {
    /** Reads the schema of the database {@code db} is connected to. */
    Uni<Inspection> inspect(Database db);
}
