package dev.migrate.graph;

/** An identifier is malformed or a relative move cannot be made as asked. */
public class InvalidRevisionIdentifier extends GraphException {
    public InvalidRevisionIdentifier(String message) {
        super(message);
    }
}
