package dev.migrate.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.CliTest;
import dev.migrate.support.DelayedRelay;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.pgclient.PgConnectOptions;

/** {@code --wait} / {@code connect.wait}: what is retried, what fails at once, and what the messages say. */
@CliTest
class ConnectWaitTest {
    private static final PgConnectOptions SERVER = PgConnectOptions.fromUri(PostgresTestDatabase.SERVER);

    @TempDir
    Path tmp;

    private PostgresTestDatabase db;
    private Project project;

    @BeforeEach
    void setUp() {
        db = new PostgresTestDatabase();
        project = new Project(tmp, db.url());
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String database() {
        return db.url().substring(db.url().lastIndexOf('/') + 1);
    }

    private String urlOn(int port) {
        return "postgresql://" + SERVER.getUser() + "@127.0.0.1:" + port + "/" + database();
    }

    /** Closes the first connections: the application's start-up time cannot make a delay run out before it connects. */
    private static DelayedRelay startingServer() {
        return new DelayedRelay(SERVER.getHost(), SERVER.getPort(), 0, 2);
    }

    @Test
    void waitRetriesUntilTheServerAnswers(QuarkusMainLauncher launcher) {
        try (DelayedRelay relay = startingServer()) {
            String url = urlOn(relay.port());
            LaunchResult r = project.run(launcher, "upgrade", "head", "--url", url, "--wait", "20s");
            assertEquals(0, r.exitCode(), r.getErrorOutput());
            assertTrue(r.getErrorOutput().contains("waiting for " + url + ": "), r.getErrorOutput());
            assertTrue(r.getErrorOutput().contains("Running upgrade <base> -> a1"), r.getErrorOutput());
        }
        assertTrue(db.tables().contains("accounts"));
    }

    @Test
    void quietWaitingPrintsNoWaitingLines(QuarkusMainLauncher launcher) {
        try (DelayedRelay relay = startingServer()) {
            LaunchResult r = project.run(launcher, "-q", "current", "--url", urlOn(relay.port()), "--wait", "20s");
            assertEquals(0, r.exitCode(), r.getErrorOutput());
            assertFalse(r.getErrorOutput().contains("waiting for"), r.getErrorOutput());
        }
    }

    @Test
    void waitComesFromTheConfiguration(QuarkusMainLauncher launcher) {
        try (DelayedRelay relay = startingServer()) {
            Project configured = new Project(tmp.resolve("configured"), urlOn(relay.port()), "connect: {wait: 20s, timeout: 5s}\n");
            LaunchResult r = configured.run(launcher, "ensure-version");
            assertEquals(0, r.exitCode(), r.getErrorOutput());
            assertTrue(r.getErrorOutput().contains("waiting for "), r.getErrorOutput());
        }
    }

    @Test
    void withoutWaitARefusedConnectionFailsAtOnceNamingHostPortAndDatabase(QuarkusMainLauncher launcher) {
        try (DelayedRelay relay = new DelayedRelay(SERVER.getHost(), SERVER.getPort(), 600_000)) {
            LaunchResult r = project.run(launcher, "upgrade", "head", "--url", urlOn(relay.port()));
            assertEquals(1, r.exitCode(), r.getErrorOutput());
            String err = r.getErrorOutput();
            assertTrue(err.contains("host 127.0.0.1, port " + relay.port() + ", database " + database()), err);
            assertTrue(err.contains("refused"), err);
            assertFalse(err.contains("waiting for"), err);
        }
    }

    @Test
    void anUnknownRoleFailsAtOnceEvenWithWait(QuarkusMainLauncher launcher) {
        LaunchResult r = project.run(launcher, "upgrade", "head", "--url",
                "postgresql://nosuchrole@127.0.0.1:" + SERVER.getPort() + "/" + database(), "--wait", "30s");
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("nosuchrole"), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("28000") || r.getErrorOutput().contains("28P01"), r.getErrorOutput());
        assertFalse(r.getErrorOutput().contains("waiting for"), r.getErrorOutput());
    }

    @Test
    void anUnknownDatabaseFailsAtOnceEvenWithWait(QuarkusMainLauncher launcher) {
        LaunchResult r = project.run(launcher, "current", "--url", urlOn(SERVER.getPort()) + "_missing", "--wait", "30s");
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("3D000"), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("database " + database() + "_missing"), r.getErrorOutput());
        assertFalse(r.getErrorOutput().contains("waiting for"), r.getErrorOutput());
    }

    @Test
    void aSqliteFileThatCannotBeOpenedFailsAtOnce(QuarkusMainLauncher launcher) {
        String url = "sqlite:///" + tmp.resolve("no/such/folder/app.db");
        LaunchResult r = project.run(launcher, "upgrade", "head", "--url", url, "--wait", "30s");
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("cannot connect to"), r.getErrorOutput());
        assertFalse(r.getErrorOutput().contains("waiting for"), r.getErrorOutput());
    }

    @Test
    void aBadDurationIsWrongUsage(QuarkusMainLauncher launcher) {
        LaunchResult r = project.run(launcher, "upgrade", "--lock-timeout", "soon");
        assertEquals(2, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("--lock-timeout"), r.getErrorOutput());
    }
}
