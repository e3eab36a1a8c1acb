package dev.migrate.errors;

import dev.migrate.MigrateException;

/** A problem with the shape of the revision graph or with an identifier used against it (exit 1). */
public class GraphException extends MigrateException {
    public GraphException(String message) {
        super(message);
    }
}
