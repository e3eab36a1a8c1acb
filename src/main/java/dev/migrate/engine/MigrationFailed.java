package dev.migrate.engine;

import dev.migrate.MigrateException;

/** A revision failed: names the revision, its file and line, the statement and the server's error. */
public class MigrationFailed extends MigrateException {
    private final String revision;

    public MigrationFailed(String revision, String message, Throwable cause) {
        super(message, cause);
        this.revision = revision;
    }

    public String revision() {
        return revision;
    }
}
