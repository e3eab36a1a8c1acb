package dev.migrate.graph;

/** Several revisions were requested where one is an ancestor of another. */
public class OverlappingRevisions extends GraphException {
    public OverlappingRevisions(String message) {
        super(message);
    }
}
