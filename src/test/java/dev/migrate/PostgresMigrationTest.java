package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.VersionTable;
import dev.migrate.support.CountingRelay;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class PostgresMigrationTest extends MigrationScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Test
    void theVersionTableIsTheOneAlembicCreates(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "ensure-version"));
        assertEquals(List.of(List.of("version_num", "character varying", "32", "NO")),
                db.query("SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns"
                        + " WHERE table_name = 'alembic_version'"));
        assertEquals(List.of(List.of("alembic_version_pkc", "p")),
                db.query("SELECT conname, contype FROM pg_constraint WHERE conrelid = 'alembic_version'::regclass"));
    }

    @Test
    void aRefusedPrivilegeNamesTheDatabaseInTheToolsWords(QuarkusMainLauncher launcher) throws Exception {
        threeRevisions();
        ok(project.run(launcher, "upgrade", "b2"));
        String role = "migrate_reader_" + Long.toHexString(System.nanoTime());
        db.execute("CREATE ROLE " + role + " LOGIN");
        try {
            URI direct = URI.create(db.url());
            String url = new URI(direct.getScheme(), role, direct.getHost(), direct.getPort(), direct.getPath(), null, null).toString();
            for (String command : List.of("current", "upgrade")) {
                String err = dev.migrate.support.Outcomes.fails(project.run(launcher, "--url", url, command), 1);
                assertTrue(err.contains("ERROR: host " + direct.getHost() + ", port " + direct.getPort() + ", database "
                        + direct.getPath().substring(1) + ": the database user lacks a privilege it needs; grant it (or connect as"
                        + " the tables' owner) ([42501] permission denied for table alembic_version)"), err);
            }
        } finally {
            db.execute("DROP OWNED BY " + role);
            db.execute("DROP ROLE " + role);
        }
        assertEquals(List.of("b2"), versions());
    }

    /**
     * The URL as a map of parts reaches the server whatever the password holds (no encoding to get
     * right), and no message shows a piece of a password with a '?' in it, even in a URL that does
     * not parse the way its writer meant.
     */
    @Test
    void aUrlGivenAsPartsConnectsAndPasswordsNeverShow(QuarkusMainLauncher launcher) throws Exception {
        threeRevisions();
        URI direct = URI.create(db.url());
        // The server must take any password (trust), as the one here is not the user's.
        org.junit.jupiter.api.Assumptions.assumeTrue(!String.valueOf(URI.create(PostgresTestDatabase.SERVER).getUserInfo()).contains(":"),
                "a server with trust authentication");
        String password = "Pa?ss@wo/rd%41:#";
        java.nio.file.Files.writeString(project.dir().resolve("migrate.yaml"), "script_location: migrations\nurl:\n"
                + "  host: " + direct.getHost() + "\n  port: " + direct.getPort() + "\n  user: " + direct.getUserInfo().split(":")[0]
                + "\n  password: '" + password + "'\n  database: " + direct.getPath().substring(1) + "\n");
        LaunchResult up = project.run(launcher, "upgrade", "b2");
        ok(up);
        assertEquals(List.of("b2"), versions());
        assertTrue(!up.getErrorOutput().contains("wo/rd") && !up.getOutput().contains("wo/rd"), up.getErrorOutput());

        for (String url : List.of("postgresql://u:Pa?ss@wordTail@127.0.0.1:1/db", "postgresql://u:Pa?ss@127.0.0.1:1/db")) {
            LaunchResult r = project.run(launcher, "--url", url, "current");
            String all = r.getOutput() + r.getErrorOutput();
            assertTrue(r.exitCode() != 0, all);
            for (String piece : List.of("Pa?ss", "ss@wordTail", "wordTail", "?ss")) assertTrue(!all.contains(piece), piece + " shows in: " + all);
        }
    }

    @Test
    void aDroppedConnectionIsOneMessageWithoutAStackTrace(QuarkusMainLauncher launcher) {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "SELECT pg_terminate_backend(pg_backend_pid());", "SELECT 1;");
        LaunchResult r = project.run(launcher, "upgrade", "head");
        String err = dev.migrate.support.Outcomes.fails(r, 1);
        assertTrue(err.contains("revision b2 (revision b2) failed at "), err);
        assertTrue(err.contains("the database is at a1"), err);
        assertTrue(!err.contains("io.netty") && !err.contains("io.vertx") && !err.contains("WARN"), err);
        assertEquals(List.of("a1"), versions());
    }

    private static CountingRelay relay(long answerDelayMillis) {
        URI server = URI.create(PostgresTestDatabase.SERVER);
        return new CountingRelay(server.getHost(), server.getPort(), answerDelayMillis);
    }

    /** The test database through {@code relay}; sslmode=disable, as with prefer a server without TLS costs a second TCP connection. */
    private String through(CountingRelay relay) throws Exception {
        URI direct = URI.create(db.url());
        return new URI(direct.getScheme(), direct.getUserInfo(), "127.0.0.1", relay.port(), direct.getPath(),
                "sslmode=disable", null).toString();
    }

    @Test
    void upgradeAtHeadCostsOneConnectionAndOneQuery(QuarkusMainLauncher launcher) throws Exception {
        threeRevisions();
        ok(project.run(launcher, "upgrade", "head"));
        try (CountingRelay relay = relay(0)) {
            String url = through(relay);
            LaunchResult r = project.run(launcher, "--url", url, "upgrade", "head");
            ok(r);
            relay.awaitClientsGone(Duration.ofSeconds(10));
            assertEquals(1, relay.connections(), relay.queries().toString());
            assertEquals(1, relay.sessions());
            assertEquals(List.of(new VersionTable(null, "alembic_version", Flavors.dialect("postgresql")).headsSql()),
                    relay.queries());

            // One revision to apply: the lock is taken then, on a connection of its own.
            project.sql("d4", "c3", "CREATE TABLE d4 (id INTEGER);", "DROP TABLE d4;");
            ok(project.run(launcher, "--url", url, "upgrade", "head"));
            relay.awaitClientsGone(Duration.ofSeconds(10));
            assertEquals(3, relay.sessions(), relay.queries().toString());
            assertEquals(List.of("d4"), versions());
        }
    }

    @Test
    void eachRevisionIsSentAtOnceAndAllButTheLastCommitWithoutWaitingForTheDisk(QuarkusMainLauncher launcher) throws Exception {
        threeRevisions();
        try (CountingRelay relay = relay(100)) {
            ok(project.run(launcher, "--url", through(relay), "upgrade", "head"));
            relay.awaitClientsGone(Duration.ofSeconds(10));
            List<String> sent = relay.queries();
            assertEquals(2, sent.stream().filter(q -> q.equals("SET LOCAL synchronous_commit = off")).count(), sent.toString());
            int lastBegin = sent.lastIndexOf("BEGIN");
            assertTrue(sent.subList(lastBegin, sent.size()).stream().noneMatch(q -> q.startsWith("SET LOCAL synchronous_commit")),
                    sent.toString());
            // each revision's transaction limits its lock waits (ddl_lock_timeout's default), in the same round trip
            for (int i = 0; i < sent.size(); i++) {
                if (sent.get(i).equals("BEGIN") && !sent.get(i + 1).startsWith("UPDATE alembic_version")) {
                    assertEquals("SET LOCAL lock_timeout = '5s'", sent.get(i + 1), sent.toString());
                }
            }
            assertEquals(3, sent.stream().filter(q -> q.equals("SET LOCAL lock_timeout = '5s'")).count(), sent.toString());
            // 16 statements of the three revisions follow another of the same revision; a client that waits sends none ahead.
            assertTrue(relay.sentAhead() >= 12, relay.sentAhead() + " sent ahead of an answer: " + sent);
        }
        assertEquals(List.of("c3"), versions());
    }
}
