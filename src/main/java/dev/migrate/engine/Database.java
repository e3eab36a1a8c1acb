package dev.migrate.engine;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * One session with one database, as the runner sees it. The PostgreSQL implementation is
 * asynchronous end to end; the SQLite one runs its blocking JDBC calls on a worker thread. The
 * runner never knows which one it drives.
 *
 * <p>Every method sends exactly what it is given: transactions are plain {@code BEGIN} /
 * {@code COMMIT} statements so the same text can be printed as offline SQL.
 */
public interface Database {
    /** {@code postgresql} or {@code sqlite}. */
    String dialectName();

    /** Where this session is connected, with the password masked: for messages. */
    String describe();

    /**
     * The server's major version (15 for PostgreSQL 15.4), known from the connection itself without
     * a query; 0 when the engine has none that matters (SQLite is the library this process loaded).
     */
    default int serverMajorVersion() {
        return 0;
    }

    /**
     * Runs one statement and gives the number of rows it changed (0 for DDL). A statement the
     * server refuses fails with {@link StatementFailed} carrying its SQLSTATE and message.
     */
    Uni<Integer> execute(String sql);

    /** Runs a query and gives every row, each column as text (null stays null). */
    Uni<List<List<String>>> query(String sql);

    /** Whether a table exists; {@code schema} null means the session's default schema. */
    Uni<Boolean> tableExists(String schema, String table);

    /** Closes the session; never fails. */
    Uni<Void> close();
}
