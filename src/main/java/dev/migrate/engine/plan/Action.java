package dev.migrate.engine.plan;

import dev.migrate.graph.VersionChange;
import dev.migrate.sql.Statement;

/**
 * One thing a transaction of the plan does. The version change and the history row stay typed
 * rather than SQL: the live sink checks a change's row count and times the history row, which the
 * offline script cannot.
 */
public sealed interface Action {
    /** A statement of the revision, in the order the revision gives it. */
    record Run(Statement statement) implements Action {
    }

    /** One change of the version rows, expected to touch exactly one row. */
    record ChangeVersion(VersionChange change) implements Action {
    }

    /** Empties the version table whatever it holds ({@code stamp --purge}). */
    record PurgeVersions() implements Action {
    }

    /** The step's row in the history table. */
    record RecordHistory(String revision, boolean upgrade, String checksum, String message) implements Action {
    }
}
