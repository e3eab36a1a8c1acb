package dev.migrate.support;

import java.util.List;
import java.util.Set;

import dev.migrate.engine.Database;

/** A throwaway database for one test: created empty, dropped afterwards. */
public interface TestDatabase extends AutoCloseable {
    /** The URL a user would give {@code migrate}. */
    String url();

    /** A fresh session on it (the caller closes it). */
    Database open();

    /** Rows of a query, as text. */
    List<List<String>> query(String sql);

    /** Runs one statement. */
    void execute(String sql);

    /** Names of the user tables (without the migration tool's own). */
    Set<String> tables();

    /** Whether a table of that name exists, the user's or the migration tool's own; on PostgreSQL, in any schema. */
    boolean hasTable(String name);

    /** The column names of a table, in order. */
    List<String> columns(String table);

    @Override
    void close();
}
