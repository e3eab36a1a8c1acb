package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** A depends_on entry names neither a revision nor a branch label. */
public class DependencyNotFound extends GraphException {
    public DependencyNotFound(String message) {
        super(message);
    }
}
