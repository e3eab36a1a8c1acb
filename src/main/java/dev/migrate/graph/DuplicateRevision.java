package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** Two revision files declare the same revision id. */
public class DuplicateRevision extends GraphException {
    public DuplicateRevision(String message) {
        super(message);
    }
}
