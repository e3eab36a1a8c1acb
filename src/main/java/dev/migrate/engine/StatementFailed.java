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

    /**
     * Whether the statement named a table, or a schema, that does not exist: PostgreSQL's SQLSTATE
     * 42P01 or 3F000, SQLite's "no such table" or "unknown database".
     */
    public boolean missingTable() {
        if ("42P01".equals(sqlState) || "3F000".equals(sqlState)) return true;
        return serverMessage != null && (serverMessage.startsWith("no such table") || serverMessage.startsWith("unknown database"));
    }
}
