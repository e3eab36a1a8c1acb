package dev.migrate.engine;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.PostgresUrl;
import dev.migrate.config.SqliteUrl;
import dev.migrate.postgres.PostgresDatabase;
import dev.migrate.postgres.PostgresOptions;
import dev.migrate.sqlite.SqliteDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Opens the engine a URL names. Each engine's classes are touched only on its own branch, so a
 * PostgreSQL run never loads the SQLite driver and a SQLite run never loads the PostgreSQL client.
 */
public final class Databases {
    private Databases() {
    }

    /** One attempt, no waiting: for tools and tests that know the database is up. */
    public static Uni<Database> open(DatabaseUrl url, Supplier<Vertx> vertx) {
        return open(url, vertx, Duration.ZERO, Duration.ZERO, line -> { });
    }

    /**
     * Opens a session, retrying a PostgreSQL server that is not up yet for {@code wait}
     * (see {@link ConnectRetry}); {@code timeout} bounds one attempt unless the URL sets its own
     * {@code connect_timeout}. A SQLite file that cannot be opened fails at once: waiting would
     * not create its folder.
     */
    public static Uni<Database> open(DatabaseUrl url, Supplier<Vertx> vertx, Duration wait, Duration timeout,
                                     Consumer<String> log) {
        if (url instanceof SqliteUrl) {
            SqliteUrl sqlite = (SqliteUrl) url;
            return SqliteDatabase.open(sqlite.inMemory() ? ":memory:" : sqlite.path().toString(), sqlite.masked());
        }
        PostgresUrl pg = (PostgresUrl) url;
        PgConnectOptions options = PostgresOptions.from(pg);
        Duration attemptTimeout = pg.connectTimeout() != null ? pg.connectTimeout() : timeout;
        if (pg.connectTimeout() == null && !timeout.isZero()) {
            options.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        }
        String where = url.masked() + " (" + url.describe() + ")";
        return new ConnectRetry(() -> PostgresDatabase.connect(vertx.get(), options, url.masked(), where),
                url.masked(), where, wait, attemptTimeout, log).open();
    }
}
