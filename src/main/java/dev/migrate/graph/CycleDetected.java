package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** down_revision links form a loop, so the revisions in it have no order. */
public class CycleDetected extends GraphException {
    public CycleDetected(String message) {
        super(message);
    }
}
