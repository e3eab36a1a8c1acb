package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** An identifier matches no revision or branch label. */
public class RevisionNotFound extends GraphException {
    public RevisionNotFound(String message) {
        super(message);
    }
}
