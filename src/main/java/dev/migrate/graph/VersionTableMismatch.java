package dev.migrate.graph;

import dev.migrate.errors.GraphException;

/** The version rows do not fit the step about to be recorded. */
public class VersionTableMismatch extends GraphException {
    public VersionTableMismatch(String message) {
        super(message);
    }
}
