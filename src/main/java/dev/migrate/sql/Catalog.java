package dev.migrate.sql;

import java.util.List;

import io.smallrye.mutiny.Uni;

/** What a {@link Computed} statement may read: the database as its revision's earlier statements left it. */
@FunctionalInterface
public interface Catalog {
    /** The rows of a query, each column as text (null stays null). */
    Uni<List<List<String>>> query(String sql);
}
