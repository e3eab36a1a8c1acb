package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** 'branch@rev' names a revision outside that branch's lineage. */
public class RevisionNotInBranch extends GraphException {
    public RevisionNotInBranch(String message) {
        super(message);
    }
}
