package dev.migrate.engine.postgres;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.engine.ConnectionFailed;
import dev.migrate.engine.Database;
import dev.migrate.engine.StatementFailed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;

/**
 * PostgreSQL over one dedicated connection of the Vert.x reactive client. Statements go through
 * the simple query protocol: DDL takes no parameters, and a text with several statements is then
 * one round trip.
 */
public final class PostgresDatabase implements Database {
    private final PgConnection connection;
    private final String description;

    private PostgresDatabase(PgConnection connection, String description) {
        this.connection = connection;
        this.description = description;
    }

    /** Opens the session; a refused connection or failed login becomes {@link ConnectionFailed}. */
    public static Uni<Database> connect(Vertx vertx, PgConnectOptions options, String description) {
        return connect(vertx, options, description, description);
    }

    /**
     * Opens the session; {@code description} names it in progress lines, {@code where} in a
     * connection error (host, port and database spelt out).
     */
    public static Uni<Database> connect(Vertx vertx, PgConnectOptions options, String description, String where) {
        return PgConnection.connect(vertx, options)
                .onItem().transform(c -> {
                    // Notices ("relation already exists, skipping") are the server talking to a person at psql;
                    // here they would only be noise between the progress lines.
                    c.noticeHandler(notice -> { });
                    return (Database) new PostgresDatabase(c, description);
                })
                .onFailure().transform(e -> {
                    String tls = TlsFailure.explain(options, e);
                    // The explanation travels as the cause too: the connection waiting reports the cause's message.
                    return tls == null ? new ConnectionFailed(where, causeOf(e), e)
                            : new ConnectionFailed(where, tls, new javax.net.ssl.SSLException(tls, e));
                });
    }

    private static String causeOf(Throwable e) {
        if (e instanceof PgException) {
            PgException pg = (PgException) e;
            return pg.getErrorMessage() + " (SQLSTATE " + pg.getSqlState() + ")";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public String dialectName() {
        return "postgresql";
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Uni<Integer> execute(String sql) {
        return connection.query(sql).execute()
                .onItem().transform(PostgresDatabase::totalRowCount)
                .onFailure().transform(PostgresDatabase::translate);
    }

    /** A multi-statement text yields one row set per statement; the row counts add up. */
    private static int totalRowCount(RowSet<Row> rows) {
        int count = 0;
        for (RowSet<Row> r = rows; r != null; r = r.next()) count += r.rowCount();
        return count;
    }

    @Override
    public Uni<List<List<String>>> query(String sql) {
        return connection.query(sql).execute()
                .onItem().transform(PostgresDatabase::rowsAsText)
                .onFailure().transform(PostgresDatabase::translate);
    }

    private static List<List<String>> rowsAsText(RowSet<Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (Row row : rows) {
            List<String> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Object v = row.getValue(i);
                values.add(v == null ? null : v.toString());
            }
            out.add(values);
        }
        return out;
    }

    @Override
    public Uni<Boolean> tableExists(String schema, String table) {
        String sql = "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = $1 AND c.relkind IN ('r', 'p') AND "
                + (schema == null ? "n.nspname = current_schema()" : "n.nspname = $2");
        Tuple args = schema == null ? Tuple.of(table) : Tuple.of(table, schema);
        return connection.preparedQuery(sql).execute(args)
                .onItem().transform(rows -> rows.size() > 0)
                .onFailure().transform(PostgresDatabase::translate);
    }

    private static Throwable translate(Throwable e) {
        if (e instanceof PgException) {
            PgException pg = (PgException) e;
            String text = pg.getErrorMessage();
            if (pg.getDetail() != null) text += " (" + pg.getDetail() + ")";
            return new StatementFailed(pg.getSqlState(), text, e);
        }
        return new StatementFailed(null, e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }

    @Override
    public Uni<Void> close() {
        return connection.close().onFailure().recoverWithNull();
    }
}
