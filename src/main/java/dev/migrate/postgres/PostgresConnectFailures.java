package dev.migrate.postgres;

import dev.migrate.flavor.ConnectFailures;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * The Vert.x client's connection failures: a server that says it is starting up (SQLSTATE 57P03)
 * and a connection closed before the server answered are waited for; a wrong password, an unknown
 * role (28P01, 28000) or an unknown database (3D000), like every other error the server sends, end
 * the wait at once.
 */
final class PostgresConnectFailures implements ConnectFailures {
    static final PostgresConnectFailures INSTANCE = new PostgresConnectFailures();

    /** SQLSTATE cannot_connect_now: the server is starting up. */
    private static final String CANNOT_CONNECT_NOW = "57P03";

    private PostgresConnectFailures() {
    }

    @Override
    public boolean notUpYet(Throwable failure) {
        if (failure instanceof PgException pg) return CANNOT_CONNECT_NOW.equals(pg.getSqlState());
        return failure instanceof ClosedConnectionException;
    }

    @Override
    public boolean answered(Throwable failure) {
        return failure instanceof PgException;
    }

    /** The server's message and SQLSTATE. */
    @Override
    public String describe(Throwable failure) {
        return failure instanceof PgException pg ? pg.getErrorMessage() + " (SQLSTATE " + pg.getSqlState() + ")" : null;
    }
}
