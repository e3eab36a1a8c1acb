package dev.migrate.errors;

import dev.migrate.MigrateException;

/** A revision failed: names the revision, its file and line, the statement and the server's error. */
public class MigrationFailed extends MigrateException {
    private final String revision;
    private final String sql;

    public MigrationFailed(String revision, String message, Throwable cause) {
        this(revision, message, cause, null);
    }

    /** {@code sql}: what was sent when it failed, for whoever looks into the failure further (null when unknown). */
    public MigrationFailed(String revision, String message, Throwable cause, String sql) {
        super(message, cause);
        this.revision = revision;
        this.sql = sql;
    }

    public String revision() {
        return revision;
    }

    /** The SQL sent when the revision failed, or null. */
    public String sql() {
        return sql;
    }
}
