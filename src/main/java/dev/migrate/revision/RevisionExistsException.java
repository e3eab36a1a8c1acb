package dev.migrate.revision;

import dev.migrate.MigrateException;

/** A new revision would reuse an existing id or overwrite an existing file. */
public class RevisionExistsException extends MigrateException {
    public RevisionExistsException(String message) {
        super(message);
    }
}
