package dev.migrate.postgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

import dev.migrate.errors.ConnectionFailed;
import dev.migrate.engine.Database;
import dev.migrate.engine.PipelineFailed;
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
    /** How long close waits for the socket to go before giving up on it (the server may not answer any more). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

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
                    // Without a handler the client prints a dropped connection's exception and its Netty stack
                    // trace to standard error; the statement under way fails with it anyway, and that failure is
                    // reported in the tool's words.
                    c.exceptionHandler(e -> { });
                    return (Database) new PostgresDatabase(c, description);
                })
                .onFailure().transform(e -> {
                    String tls = TlsFailure.explain(options, e);
                    // The explanation travels as the cause too: the connection waiting reports the cause's message.
                    return tls == null ? new ConnectionFailed(where, causeOf(e), e)
                            : new ConnectionFailed(where, tls, new SSLException(tls, e));
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

    /** From the server_version the server reports while the session starts: no query needed. */
    @Override
    public int serverMajorVersion() {
        return connection.databaseMetadata().majorVersion();
    }

    @Override
    public Uni<Integer> execute(String sql) {
        return connection.query(sql).execute()
                .onItem().transform(PostgresDatabase::totalRowCount)
                .onFailure().transform(PostgresDatabase::translate);
    }

    @Override
    public boolean pipelines() {
        return true;
    }

    /**
     * Every statement is handed to the client at once; with pipelining the client writes them all
     * without waiting for answers, and the server answers each in turn. Each answer is kept, so the
     * first refused statement is known exactly; the ones after it were refused as well (the block
     * is aborted), or, for a COMMIT, turned into a rollback.
     */
    @Override
    public Uni<List<Integer>> pipeline(List<String> statements) {
        List<Uni<Object>> answers = new ArrayList<>(statements.size());
        for (String sql : statements) {
            answers.add(connection.query(sql).execute()
                    .<Object>map(PostgresDatabase::totalRowCount)
                    .onFailure().recoverWithItem(PostgresDatabase::translate));
        }
        return Uni.join().all(answers).andFailFast().map(results -> {
            List<Integer> counts = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                Object r = results.get(i);
                if (r instanceof StatementFailed) throw new PipelineFailed(i, (StatementFailed) r);
                counts.add((Integer) r);
            }
            return counts;
        });
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

    /**
     * Resolves the name as the statements that use the table do ({@code to_regclass}, which gives
     * NULL for a missing table or schema): unqualified, through the whole search_path, so that a
     * table in a later schema of it is found, as the reads find it, and not created again in the first.
     */
    @Override
    public Uni<Boolean> tableExists(String schema, String table) {
        String sql = "SELECT 1 FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'p') AND c.oid = pg_catalog.to_regclass("
                + "pg_catalog.concat_ws('.', pg_catalog.quote_ident($2), pg_catalog.quote_ident($1)))";
        return connection.preparedQuery(sql).execute(Tuple.of(table, schema))
                .onItem().transform(rows -> rows.size() > 0)
                .onFailure().transform(PostgresDatabase::translate);
    }

    private static StatementFailed translate(Throwable e) {
        if (e instanceof PgException) {
            PgException pg = (PgException) e;
            String text = pg.getErrorMessage();
            if (pg.getDetail() != null) text += " (" + pg.getDetail() + ")";
            return new StatementFailed(pg.getSqlState(), text, e);
        }
        return new StatementFailed(null, e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }

    /**
     * Ends when the socket is closed, not merely when the close was asked for: the process may stop
     * Vert.x right after, and a socket still closing then makes Netty complain on the way out.
     */
    @Override
    public Uni<Void> close() {
        return Uni.createFrom().<Void>emitter(done -> {
            connection.closeHandler(() -> done.complete(null));
            connection.close().subscribe().with(v -> { }, e -> done.complete(null));
        }).ifNoItem().after(CLOSE_WAIT).recoverWithItem((Void) null);
    }
}
