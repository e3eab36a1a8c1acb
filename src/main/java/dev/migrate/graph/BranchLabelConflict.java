package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** A branch label is used twice, or equals a revision id. */
public class BranchLabelConflict extends GraphException {
    public BranchLabelConflict(String message) {
        super(message);
    }
}
