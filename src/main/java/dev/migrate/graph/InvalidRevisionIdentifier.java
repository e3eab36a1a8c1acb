package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** An identifier is malformed or a relative move cannot be made as asked. */
public class InvalidRevisionIdentifier extends GraphException {
    public InvalidRevisionIdentifier(String message) {
        super(message);
    }
}
