package dev.migrate.sql;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * The SQL of a statement that can only be written once the statements before it in its revision
 * have run: a SQLite table rebuild copies the table's definition as it is then. The runner calls
 * it just before the statement's turn; printing offline SQL will feed it a catalog replayed from
 * the operations instead of a live database.
 */
@FunctionalInterface
public interface Computed {
    /**
     * The statements to run now, in order (possibly none). Fails with {@link CheckFailed} when
     * the database cannot take the change, saying why.
     */
    Uni<List<String>> sql(Catalog catalog);
}
