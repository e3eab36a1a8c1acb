package dev.migrate.revision;

import dev.migrate.MigrateException;

/** Two revision files declare the same revision id. */
public class DuplicateRevisionException extends MigrateException {
    public DuplicateRevisionException(String id, java.nio.file.Path first, java.nio.file.Path second) {
        super("duplicate revision id '" + id + "' in " + first + " and " + second
                + ": give one of them a new id (and update the down_revision that points to it)");
    }
}
