package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** A down_revision names a revision that no file declares. */
public class DownRevisionNotFound extends GraphException {
    public DownRevisionNotFound(String message) {
        super(message);
    }
}
