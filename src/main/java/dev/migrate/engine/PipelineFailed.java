package dev.migrate.engine;

import dev.migrate.MigrateException;

/** A statement of a {@link Database#pipeline} was refused: which one, and the server's error. */
public class PipelineFailed extends MigrateException {
    private final int index;

    public PipelineFailed(int index, StatementFailed cause) {
        super(cause.getMessage(), cause);
        this.index = index;
    }

    /** The position of the refused statement in the list given. */
    public int index() {
        return index;
    }

    /** The server's error. */
    public StatementFailed statementFailed() {
        return (StatementFailed) getCause();
    }
}
