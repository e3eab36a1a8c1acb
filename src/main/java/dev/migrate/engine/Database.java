package dev.migrate.engine;

import java.util.ArrayList;
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

    /**
     * Whether {@link #pipeline} sends its statements without waiting for each answer (PostgreSQL);
     * when it does, a check of a statement's result can only come after all of them ran.
     */
    default boolean pipelines() {
        return false;
    }

    /**
     * Runs statements in order and gives each one's row count, stopping at the first the server
     * refuses, which fails with {@link PipelineFailed} naming it. An engine that {@link #pipelines}
     * sends them all in one round trip: give it only statements inside one transaction block
     * (opened by the first of them, or before), which the first refused one aborts, so that the
     * server runs none of the rest (a COMMIT among them rolls back).
     */
    default Uni<List<Integer>> pipeline(List<String> statements) {
        List<Integer> counts = new ArrayList<>(statements.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < statements.size(); i++) {
            int index = i;
            chain = chain.flatMap(v -> execute(statements.get(index))
                    .onFailure(StatementFailed.class).transform(e -> new PipelineFailed(index, (StatementFailed) e))
                    .invoke(counts::add).replaceWithVoid());
        }
        return chain.map(v -> counts);
    }

    /** Runs a query and gives every row, each column as text (null stays null). */
    Uni<List<List<String>>> query(String sql);

    /**
     * Whether a table exists; {@code schema} null means the table an unqualified name in a statement
     * finds (on PostgreSQL, the first along the search_path).
     */
    Uni<Boolean> tableExists(String schema, String table);

    /** Closes the session; never fails. */
    Uni<Void> close();
}
