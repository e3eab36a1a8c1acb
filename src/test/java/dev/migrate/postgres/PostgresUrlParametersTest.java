package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.engine.Database;
import dev.migrate.support.PostgresTestDatabase;
import io.vertx.mutiny.core.Vertx;

/**
 * The URL's {@code application_name}, {@code search_path} and {@code options} (README, "Database
 * URLs") take effect on the session migrate opens, as they would with psql: read back from the
 * server, not from the options object.
 */
class PostgresUrlParametersTest {
    private static final Vertx VERTX = Vertx.vertx();

    private final PostgresTestDatabase db = new PostgresTestDatabase();

    @AfterEach
    void drop() {
        db.close();
    }

    @AfterAll
    static void stopVertx() {
        VERTX.closeAndAwait();
    }

    /** Opens {@code url} the way every command does. */
    private static Database open(String url) {
        return Flavors.open(Flavors.parse(url, System.getenv(), Path.of("")), () -> VERTX).await().indefinitely();
    }

    private static List<String> firstRow(Database session, String sql) {
        return session.query(sql).await().indefinitely().get(0);
    }

    @Test
    void applicationNameSearchPathAndOptionsReachTheServer() {
        db.execute("CREATE SCHEMA app");
        String url = db.url() + "?application_name=billing-migrations&search_path=app,public"
                + "&options=-c%20statement_timeout%3D4321%20-c%20lock_timeout%3D1234";
        Database session = open(url);
        try {
            assertEquals(List.of("billing-migrations"), firstRow(session, "SELECT current_setting('application_name')"));
            assertEquals(List.of("app,public"), firstRow(session, "SHOW search_path"));
            assertEquals(List.of("4321ms"), firstRow(session, "SHOW statement_timeout"));
            assertEquals(List.of("1234ms"), firstRow(session, "SHOW lock_timeout"));
            // the server sees the name too, as the lock's holder is reported from pg_stat_activity
            assertEquals(List.of("billing-migrations"), firstRow(session,
                    "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"));
            // an unqualified name goes to the first schema of that path
            session.execute("CREATE TABLE placed (id integer)").await().indefinitely();
        } finally {
            session.close().await().indefinitely();
        }
        assertEquals(List.of("app"), db.query("SELECT table_schema FROM information_schema.tables WHERE table_name = 'placed'").get(0));
    }

    /** A pgJDBC URL as an application's configuration holds it: its twins reach the server as libpq's do. */
    @Test
    void pgJdbcsCurrentSchemaAndApplicationNameReachTheServer() {
        db.execute("CREATE SCHEMA app");
        String url = "jdbc:" + db.url() + "?currentSchema=app,public&ApplicationName=billing-jdbc&connectTimeout=10"
                + "&prepareThreshold=0&ssl=false";
        Database session = open(url);
        try {
            assertEquals(List.of("billing-jdbc"), firstRow(session, "SELECT current_setting('application_name')"));
            assertEquals(List.of("app,public"), firstRow(session, "SHOW search_path"));
            assertEquals(List.of("billing-jdbc"), firstRow(session,
                    "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"));
            session.execute("CREATE TABLE placed (id integer)").await().indefinitely();
        } finally {
            session.close().await().indefinitely();
        }
        assertEquals(List.of("app"), db.query("SELECT table_schema FROM information_schema.tables WHERE table_name = 'placed'").get(0));
    }

    @Test
    void withoutThemTheSessionIsNamedMigrateAndKeepsTheServersDefaults() {
        List<String> defaults = db.query("SELECT current_setting('search_path'), current_setting('statement_timeout')").get(0);
        Database session = open(db.url());
        try {
            assertEquals(List.of("migrate"), firstRow(session, "SELECT current_setting('application_name')"));
            assertEquals(defaults, firstRow(session, "SELECT current_setting('search_path'), current_setting('statement_timeout')"));
        } finally {
            session.close().await().indefinitely();
        }
    }
}
