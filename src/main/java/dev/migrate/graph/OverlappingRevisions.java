package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** Several revisions were requested where one is an ancestor of another. */
public class OverlappingRevisions extends GraphException {
    public OverlappingRevisions(String message) {
        super(message);
    }
}
