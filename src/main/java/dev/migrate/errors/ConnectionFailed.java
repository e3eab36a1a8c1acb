package dev.migrate.errors;

import dev.migrate.MigrateException;

/** The database could not be reached or refused the session: names where and why, never the password. */
public class ConnectionFailed extends MigrateException {
    public ConnectionFailed(String where, String cause, Throwable error) {
        super("cannot connect to " + where + ": " + cause, error);
    }
}
