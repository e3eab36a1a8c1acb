package dev.migrate.graph;

/** A branch label is used twice, or equals a revision id. */
public class BranchLabelConflict extends GraphException {
    public BranchLabelConflict(String message) {
        super(message);
    }
}
