package dev.migrate.engine;

import dev.migrate.MigrateException;

/**
 * The history row of a step could not be written. It shares the step's transaction, so the step
 * rolled back with it: the log never disagrees with the version table.
 */
public class HistoryWriteFailed extends MigrateException {
    public HistoryWriteFailed(String revision, String table, String database, StatementFailed cause) {
        super("revision " + revision + " could not be logged in the history table " + table + " of " + database + ": "
                + cause.getMessage() + "\n  the revision was rolled back with its history row (statements that run outside"
                + " a transaction stay applied); check the table, or set history_table: null to keep no log", cause);
    }
}
