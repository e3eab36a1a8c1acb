package dev.migrate.sql;

import java.util.List;

/**
 * What an offline script ({@code --sql}) keeps for a database whose {@link Computed} statements
 * read the catalog (SQLite's table rebuilds): a model of the schema, fed every statement the
 * script writes and those of the revisions before its range, from which the computed statements
 * are written without a database. Each database that needs one makes its own (the dialect's
 * {@code offlineCatalog()}), so the offline run knows nothing of what it models.
 */
public interface OfflineCatalog {
    /** What the online session runs on connecting, which the script runs first. */
    List<String> sessionSetUp();

    /** Follows one statement; {@code origin} names where it comes from ({@code revision X (file:line)}) for errors. */
    void apply(String sql, String origin);

    /** Makes every object unknown from here on, because of {@code origin}. */
    void forgetAll(String origin, String reason);

    /**
     * The SQL of {@code computed}, written from the model as the statements so far left it and
     * preceded by the row checks it would make on a database, which the script makes instead. It
     * is not followed here: the caller applies what it writes. A statement that cannot be written
     * from what the model knows fails naming {@code origin}.
     */
    List<String> write(Computed computed, String origin);
}
