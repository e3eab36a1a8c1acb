package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** A revision id contains a character reserved for identifiers (@ - + :). */
public class IllegalRevisionId extends GraphException {
    public IllegalRevisionId(String message) {
        super(message);
    }
}
