package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** The requested range or target cannot be reached from where it starts. */
public class RangeNotAncestor extends GraphException {
    public RangeNotAncestor(String message) {
        super(message);
    }
}
