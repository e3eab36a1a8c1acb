package dev.migrate.graph;

/** A depends_on entry names neither a revision nor a branch label. */
public class DependencyNotFound extends GraphException {
    public DependencyNotFound(String message) {
        super(message);
    }
}
