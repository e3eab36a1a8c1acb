package dev.migrate.graph;

/** The requested range or target cannot be reached from where it starts. */
public class RangeNotAncestor extends GraphException {
    public RangeNotAncestor(String message) {
        super(message);
    }
}
