package dev.migrate.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.migrate.engine.Database;
import dev.migrate.postgres.PostgresDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The test databases of one JVM on the test server, reused from test to test.
 *
 * <p>{@code CREATE DATABASE} and {@code DROP DATABASE ... WITH (FORCE)} each cost 0.5 to 1.4 s on a
 * loaded server, a reset costs a few tens of milliseconds. So a database given back is reset (its
 * sessions ended, every schema and extension dropped, {@code public} made again as a new database
 * has it) and then compared with a database just created, catalog by catalog: only when nothing
 * tells them apart does it go back to the pool, otherwise it is dropped. The pool's databases are
 * dropped when the JVM exits; a test that needs one no other test has used asks for
 * {@link PostgresTestDatabase#fresh()}.
 */
final class PostgresDatabasePool {
    private static final Vertx VERTX = Vertx.vertx();
    private static final PgConnectOptions SERVER = PgConnectOptions.fromUri(PostgresTestDatabase.SERVER);
    /** Sessions the exiting JVM opens at once to drop its databases, well within the server's connection limit. */
    private static final int DROPPERS = 8;
    private static final ConcurrentLinkedDeque<String> FREE = new ConcurrentLinkedDeque<>();
    /** What a database just created looks like, taken from the first one this JVM creates. */
    private static volatile String freshFingerprint;

    static {
        // Several at once: one after another, the fifty of the many-databases test outlast the 30 s
        // surefire grants a test JVM to exit, and it is killed with them left on the server.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ExecutorService droppers = Executors.newFixedThreadPool(DROPPERS);
            for (String name = FREE.poll(); name != null; name = FREE.poll()) {
                String dropped = name;
                droppers.execute(() -> drop(dropped));
            }
            droppers.shutdown();
            try {
                droppers.awaitTermination(25, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-database-pool"));
    }

    private PostgresDatabasePool() {
    }

    static Vertx vertx() {
        return VERTX;
    }

    /** A clean database: one given back earlier, or a new one. */
    static String take() {
        String name = FREE.poll();
        return name != null ? name : create();
    }

    /** {@code count} clean databases; the ones the pool lacks are created at the same time. */
    static List<String> take(int count) {
        List<String> names = new ArrayList<>();
        List<CompletableFuture<String>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = FREE.poll();
            if (name != null) names.add(name);
            else created.add(CompletableFuture.supplyAsync(PostgresDatabasePool::create));
        }
        for (CompletableFuture<String> c : created) names.add(c.join());
        return names;
    }

    /** A new database, never used by a test. */
    static String create() {
        String name = "migrate_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        onServer(db -> db.execute("CREATE DATABASE " + name));
        if (freshFingerprint == null) freshFingerprint = on(name, PostgresDatabasePool::fingerprint);
        return name;
    }

    /** Takes a database back: reset and pooled when it is as good as new, dropped otherwise. */
    static void giveBack(String name) {
        boolean clean;
        try {
            clean = on(name, db -> {
                reset(db);
                return fingerprint(db).equals(freshFingerprint);
            });
        } catch (RuntimeException e) {
            clean = false;
        }
        if (clean) FREE.push(name);
        else drop(name);
    }

    /** Gives back several databases at the same time. */
    static void giveBack(List<String> names) {
        CompletableFuture.allOf(names.stream().map(n -> CompletableFuture.runAsync(() -> giveBack(n))).toArray(CompletableFuture[]::new)).join();
    }

    static void drop(String name) {
        onServer(db -> db.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** Back to what {@code CREATE DATABASE} makes from template1, as far as the tests can tell. */
    private static void reset(Database db) {
        endOtherSessions(db);
        for (List<String> row : db.query("SELECT quote_ident(evtname) FROM pg_event_trigger").await().indefinitely()) {
            db.execute("DROP EVENT TRIGGER " + row.get(0) + " CASCADE").await().indefinitely();
        }
        for (List<String> row : db.query("SELECT quote_ident(extname) FROM pg_extension WHERE extname <> 'plpgsql'").await().indefinitely()) {
            db.execute("DROP EXTENSION IF EXISTS " + row.get(0) + " CASCADE").await().indefinitely();
        }
        // The temporary schemas too: a new database has none until a session uses a temporary table.
        for (List<String> row : db.query("SELECT quote_ident(nspname) FROM pg_namespace"
                + " WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')").await().indefinitely()) {
            db.execute("DROP SCHEMA IF EXISTS " + row.get(0) + " CASCADE").await().indefinitely();
        }
        db.execute("CREATE SCHEMA public AUTHORIZATION pg_database_owner").await().indefinitely();
        db.execute("GRANT USAGE ON SCHEMA public TO PUBLIC").await().indefinitely();
        db.execute("COMMENT ON SCHEMA public IS 'standard public schema'").await().indefinitely();
        db.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET ALL', current_database()); END $$").await().indefinitely();
    }

    /** Ends the sessions a test left open (a killed process's, a sleeping lock holder's) and waits until they are gone. */
    private static void endOtherSessions(Database db) {
        String others = " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
        db.query("SELECT pg_terminate_backend(pid)" + others).await().indefinitely();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!db.query("SELECT 1" + others).await().indefinitely().isEmpty()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("sessions of a test database do not end");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The row count of every catalog of the database, and what it holds about itself on the
     * server. Left out: pg_statistic, which autovacuum fills for the catalogs at any time, and
     * pg_init_privs, whose entry for the original {@code public} schema only pg_dump reads.
     */
    private static String fingerprint(Database db) {
        return db.query("""
                SELECT string_agg(c.relname || '=' || (xpath('/row/n/text()',
                           query_to_xml(format('SELECT count(*) AS n FROM pg_catalog.%I', c.relname), false, true, '')))[1]::text,
                           ' ' ORDER BY c.relname)
                    || ' public=' || (SELECT nspowner::regrole::text || coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = 'public')
                    || ' database=' || (SELECT datdba::regrole::text || coalesce(datacl::text, '') || datconnlimit || datallowconn
                           FROM pg_database WHERE datname = current_database())
                    || ' settings=' || (SELECT count(*) FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
                           WHERE d.datname = current_database())
                    || ' comments=' || (SELECT count(*) FROM pg_shdescription s JOIN pg_database d ON d.oid = s.objoid
                           WHERE d.datname = current_database())
                    || ' dependencies=' || (SELECT count(*) FROM pg_shdepend s JOIN pg_database d ON d.oid = s.dbid
                           WHERE d.datname = current_database())
                FROM pg_class c
                WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r' AND NOT c.relisshared
                  AND c.relname NOT IN ('pg_statistic', 'pg_init_privs')
                """).await().indefinitely().get(0).get(0);
    }

    private static <T> T on(String name, Function<Database, T> work) {
        Database db = PostgresDatabase.connect(VERTX, new PgConnectOptions(SERVER).setDatabase(name), name).await().indefinitely();
        try {
            return work.apply(db);
        } finally {
            db.close().await().indefinitely();
        }
    }

    private static void onServer(Function<Database, Uni<?>> work) {
        Database db = PostgresDatabase.connect(VERTX, new PgConnectOptions(SERVER), "test server").await().indefinitely();
        try {
            work.apply(db).await().indefinitely();
        } finally {
            db.close().await().indefinitely();
        }
    }
}
