package dev.migrate.engine;

import dev.migrate.MigrateException;

/** The database refused a statement: keeps the server's SQLSTATE and text for the user's message. */
public class StatementFailed extends MigrateException {
    private final String sqlState;
    private final String serverMessage;

    public StatementFailed(String sqlState, String serverMessage, Throwable cause) {
        super(sqlState == null ? serverMessage : "[" + sqlState + "] " + serverMessage, cause);
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    public String sqlState() {
        return sqlState;
    }

    public String serverMessage() {
        return serverMessage;
    }
}
