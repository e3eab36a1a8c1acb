package dev.migrate.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.engine.Database;
import dev.migrate.postgres.PostgresDatabase;
import io.vertx.pgclient.PgConnectOptions;

/**
 * A database of its own on the test server ({@code $MIGRATE_TEST_PG_URL}, default the local
 * PostgreSQL with trust authentication), empty as a new one, given back at the end. It comes from
 * the {@link PostgresDatabasePool}, reset since the test before used it; {@link #fresh()} makes one
 * no test has used, {@link #many(int)} takes several at once.
 */
public final class PostgresTestDatabase extends SessionTestDatabase {
    public static final String SERVER = System.getenv().getOrDefault("MIGRATE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test");

    private final String name;
    private final boolean pooled;
    private final PgConnectOptions options;
    /** Given back already: a second close must not put the database in the pool twice. */
    private boolean closed;

    public PostgresTestDatabase() {
        this(PostgresDatabasePool.take(), true);
    }

    private PostgresTestDatabase(String name, boolean pooled) {
        this.name = name;
        this.pooled = pooled;
        options = PgConnectOptions.fromUri(SERVER).setDatabase(name);
    }

    /** A database just created, for a test that must see one no test has used; dropped at the end. */
    public static PostgresTestDatabase fresh() {
        return new PostgresTestDatabase(PostgresDatabasePool.create(), false);
    }

    /** {@code count} databases, the missing ones created at the same time rather than one after another. */
    public static List<PostgresTestDatabase> many(int count) {
        return PostgresDatabasePool.take(count).stream().map(n -> new PostgresTestDatabase(n, true)).toList();
    }

    /** Closes several at the same time. */
    public static void closeAll(List<? extends TestDatabase> databases) {
        List<String> names = new ArrayList<>();
        for (TestDatabase d : databases) {
            if (d instanceof PostgresTestDatabase p && p.pooled) {
                if (p.closed) continue;
                p.closed = true;
                p.closeSession();
                names.add(p.name);
            } else {
                d.close();
            }
        }
        PostgresDatabasePool.giveBack(names);
    }

    @Override
    public String url() {
        return "postgresql://" + options.getUser() + (options.getPassword() == null || options.getPassword().isEmpty() ? "" : ":" + options.getPassword())
                + "@" + options.getHost() + ":" + options.getPort() + "/" + name;
    }

    @Override
    public Database open() {
        return PostgresDatabase.connect(PostgresDatabasePool.vertx(), new PgConnectOptions(options), name).await().indefinitely();
    }

    /**
     * A session that sets {@code settings} (lock_timeout, say) when it connects, as a caller's own
     * connection may: they are its defaults, what a {@code RESET} returns to.
     */
    public Database open(Map<String, String> settings) {
        PgConnectOptions withSettings = new PgConnectOptions(options);
        settings.forEach(withSettings::addProperty);
        return PostgresDatabase.connect(PostgresDatabasePool.vertx(), withSettings, name).await().indefinitely();
    }

    @Override
    public boolean hasTable(String name) {
        return !query("SELECT 1 FROM information_schema.tables WHERE table_name = '" + name.replace("'", "''") + "'").isEmpty();
    }

    @Override
    public Set<String> tables() {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> row : query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE' AND table_name NOT IN ('alembic_version', 'migrate_history') ORDER BY table_name")) {
            out.add(row.get(0));
        }
        return out;
    }

    @Override
    public List<String> columns(String table) {
        return query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '"
                + table + "' ORDER BY ordinal_position").stream().map(r -> r.get(0)).toList();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        closeSession();
        if (pooled) PostgresDatabasePool.giveBack(name);
        else PostgresDatabasePool.drop(name);
    }
}
