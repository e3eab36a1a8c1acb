package dev.migrate.dialect;

import java.util.List;

/**
 * The catalog query that names who holds the locks a migration statement waited for when its
 * wait gave up (lock-aware DDL, see the README's {@code ddl_lock_timeout}), and how its rows read
 * in the report. The runner sends it on the migration's own session right after the transaction
 * rolled back, while the holders still hold their locks.
 */
public interface LockHoldersSql {
    /**
     * The query for the sessions holding granted locks on {@code tables} (the names as the statement
     * wrote them), other than the migration's own; on no tables, on any table.
     */
    String query(List<String> tables);

    /** The query's rows on one line each, indented under a report's line; what to say when there are none. */
    String describe(List<List<String>> rows);
}
