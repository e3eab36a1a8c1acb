package dev.migrate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.engine.Database;

/** A pooled database comes back as a new one would be, and one the reset cannot clean is not reused. */
class PostgresDatabasePoolTest {
    private static final String STATE = """
            SELECT (SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace),
                   (SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension),
                   (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace),
                   (SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace),
                   (SELECT nspowner::regrole::text || nspacl::text FROM pg_namespace WHERE nspname = 'public'),
                   obj_description('public'::regnamespace, 'pg_namespace'),
                   current_setting('work_mem'),
                   (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database())
            """;

    @Test
    void aReusedDatabaseLooksNew() {
        List<String> asNew;
        String first;
        try (PostgresTestDatabase fresh = PostgresTestDatabase.fresh()) {
            asNew = fresh.query(STATE).get(0);
        }
        try (PostgresTestDatabase db = new PostgresTestDatabase()) {
            first = db.url();
            db.execute("CREATE TYPE mood AS ENUM ('ok')");
            db.execute("CREATE TABLE t (id int PRIMARY KEY, m mood)");
            db.execute("CREATE SCHEMA other");
            db.execute("CREATE TABLE other.x (id int)");
            db.execute("CREATE TEMPORARY TABLE scratch (id int)");
            db.execute("COMMENT ON SCHEMA public IS 'changed'");
            db.execute("ALTER DATABASE " + first.substring(first.lastIndexOf('/') + 1) + " SET work_mem = '7MB'");
            Database left = db.open(); // a session the test forgets: the reset ends it
            left.query("SELECT 1").await().indefinitely();
        }
        try (PostgresTestDatabase again = new PostgresTestDatabase()) {
            assertEquals(first, again.url(), "the database given back is the next one taken");
            assertEquals(asNew, again.query(STATE).get(0));
        }
    }

    @Test
    void aDatabaseTheResetCannotCleanIsDropped() {
        String name;
        try (PostgresTestDatabase db = new PostgresTestDatabase()) {
            name = db.url().substring(db.url().lastIndexOf('/') + 1);
            db.execute("CREATE FOREIGN DATA WRAPPER leftover_wrapper");
        }
        try (PostgresTestDatabase next = new PostgresTestDatabase()) {
            assertNotEquals(name, next.url().substring(next.url().lastIndexOf('/') + 1));
            assertEquals(List.of(), next.query("SELECT 1 FROM pg_database WHERE datname = '" + name + "'"));
        }
    }

    @Test
    void manyAtOnceAreDistinctDatabases() {
        List<PostgresTestDatabase> dbs = PostgresTestDatabase.many(4);
        try {
            Set<String> urls = new HashSet<>();
            for (PostgresTestDatabase d : dbs) {
                urls.add(d.url());
                assertEquals(Set.of(), d.tables());
                d.execute("CREATE TABLE mine (id int)");
            }
            assertEquals(4, urls.size());
            assertTrue(dbs.get(0).tables().contains("mine"));
        } finally {
            PostgresTestDatabase.closeAll(dbs);
        }
    }
}
