package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** 'head' (or a branch head) is ambiguous because the graph has several heads. */
public class MultipleHeads extends GraphException {
    public MultipleHeads(String message) {
        super(message);
    }
}
