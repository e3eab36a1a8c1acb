package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** A partial revision id matches more than one revision. */
public class AmbiguousRevision extends GraphException {
    public AmbiguousRevision(String message) {
        super(message);
    }
}
