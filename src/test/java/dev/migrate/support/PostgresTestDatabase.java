package dev.migrate.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.migrate.engine.Database;
import dev.migrate.engine.postgres.PostgresDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * A database of its own on the test server ({@code $MIGRATE_TEST_PG_URL}, default the local
 * PostgreSQL with trust authentication), created with a unique name and dropped at the end.
 */
public final class PostgresTestDatabase extends SessionTestDatabase {
    public static final String SERVER = System.getenv().getOrDefault("MIGRATE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test");

    private static final Vertx VERTX = Vertx.vertx();

    private final String name = "migrate_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final PgConnectOptions options;

    public PostgresTestDatabase() {
        admin("CREATE DATABASE " + name);
        options = PgConnectOptions.fromUri(SERVER).setDatabase(name);
    }

    private static void admin(String sql) {
        Database db = PostgresDatabase.connect(VERTX, PgConnectOptions.fromUri(SERVER), "test server").await().indefinitely();
        try {
            db.execute(sql).await().indefinitely();
        } finally {
            db.close().await().indefinitely();
        }
    }

    @Override
    public String url() {
        return "postgresql://" + options.getUser() + (options.getPassword() == null || options.getPassword().isEmpty() ? "" : ":" + options.getPassword())
                + "@" + options.getHost() + ":" + options.getPort() + "/" + name;
    }

    @Override
    public Database open() {
        return PostgresDatabase.connect(VERTX, new PgConnectOptions(options), name).await().indefinitely();
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
        closeSession();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
