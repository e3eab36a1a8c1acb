package dev.migrate.revision;

import dev.migrate.MigrateException;

/** No loaded revision file has the id asked for. */
public class UnknownRevisionException extends MigrateException {
    public UnknownRevisionException(String id, java.util.List<java.nio.file.Path> folders) {
        super("no revision file has the id '" + id + "' in " + folders);
    }
}
