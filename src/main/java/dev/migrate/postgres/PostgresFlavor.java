package dev.migrate.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Database;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.lock.MigrationLock;
import dev.migrate.flavor.ConnectRetry;
import dev.migrate.flavor.Flavor;
import dev.migrate.inspect.InspectOptions;
import dev.migrate.inspect.Inspector;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/** PostgreSQL through the Vert.x reactive client: retried connections, an advisory lock on a session of its own. */
public final class PostgresFlavor implements Flavor {
    public static final PostgresFlavor INSTANCE = new PostgresFlavor();

    private PostgresFlavor() {
    }

    @Override
    public Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public String urlForms() {
        return PostgresUrl.FORMS;
    }

    /** A PostgreSQL URL has no relative path: {@code workDir} is not used. */
    @Override
    public Optional<DatabaseUrl> parseUrl(String text, Map<String, String> environment, Path workDir) {
        return PostgresUrl.read(text, environment);
    }

    /** {@code pg_class.reltuples}: see {@code lint/TableSizes}. */
    @Override
    public boolean estimatesTableSizes() {
        return true;
    }

    /** Retries a server that is not up yet (see {@link ConnectRetry} and {@link PostgresConnectFailures}). */
    @Override
    public Uni<Database> open(DatabaseUrl url, Supplier<Vertx> vertx, Duration wait, Duration timeout, Consumer<String> log) {
        PostgresUrl pg = (PostgresUrl) url;
        PgConnectOptions options = PostgresOptions.from(pg);
        Duration attemptTimeout = pg.connectTimeout() != null ? pg.connectTimeout() : timeout;
        if (pg.connectTimeout() == null && !timeout.isZero()) {
            options.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        }
        String where = url.masked() + " (" + url.describe() + ")";
        return new ConnectRetry(() -> PostgresDatabase.connect(vertx.get(), options, url.masked(), where),
                PostgresConnectFailures.INSTANCE, url.masked(), where, wait, attemptTimeout, log).open();
    }

    @Override
    public Uni<MigrationLock> lock(DatabaseUrl url, VersionTable versions, Supplier<Uni<Database>> connect) {
        return connect.get().flatMap(session -> AdvisoryLock.on(session, versions.schema(), versions.name()));
    }

    @Override
    public Inspector inspector(InspectOptions options) {
        return new PostgresInspector(options);
    }
}
