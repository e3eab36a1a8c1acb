package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Outcomes;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestCertificates;
import dev.migrate.support.TestCertificates.Certificate;
import dev.migrate.support.TestDatabase;
import dev.migrate.support.TlsRelay;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.pgclient.PgConnectOptions;

/**
 * {@code sslmode} and {@code sslrootcert} against the test server behind a {@link TlsRelay} that
 * speaks TLS with certificates the test makes. The local server itself has TLS off, which is the
 * case {@code require} must refuse. Run against the packaged application only (jar, or native
 * executable with -Dnative), which must carry its TLS support too.
 */
@QuarkusMainIntegrationTest
class PostgresTlsIT extends EngineTestBase {
    private static final String PASSWORD = "s3cret-pw";
    private static final PgConnectOptions SERVER = PgConnectOptions.fromUri(PostgresTestDatabase.SERVER);

    @TempDir
    static Path certificates;

    /** Names only db.example.test: right for verify-ca, wrong host for verify-full to 127.0.0.1. */
    private static Certificate named;
    /** Names 127.0.0.1 and localhost. */
    private static Certificate local;
    /** Signs nothing the relays present: the wrong root. */
    private static Certificate other;

    @BeforeAll
    static void makeCertificates() {
        named = TestCertificates.selfSigned(certificates, "named", "db.example.test", List.of("db.example.test"), List.of());
        local = TestCertificates.selfSigned(certificates, "local", "127.0.0.1", List.of("localhost"), List.of("127.0.0.1"));
        other = TestCertificates.selfSigned(certificates, "other", "127.0.0.1", List.of("localhost"), List.of("127.0.0.1"));
    }

    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    private TlsRelay relay(Certificate certificate, boolean plainAllowed) {
        return new TlsRelay(SERVER.getHost(), SERVER.getPort(), certificate, plainAllowed);
    }

    /** The test database through {@code port}, with a password (trust authentication ignores it) that must never show. */
    private String url(int port, String query) {
        String database = db.url().substring(db.url().lastIndexOf('/') + 1);
        return "postgresql://" + SERVER.getUser() + ":" + PASSWORD + "@127.0.0.1:" + port + "/" + database + "?" + query;
    }

    private LaunchResult upgrade(QuarkusMainLauncher launcher, String url) {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        return project.run(launcher, "--url", url, "upgrade", "head");
    }

    private static String failsWithoutPassword(LaunchResult r) {
        String err = Outcomes.fails(r, 1);
        assertFalse((r.getOutput() + err).contains(PASSWORD), () -> Outcomes.describe(r));
        assertTrue(err.contains("postgresql://" + SERVER.getUser() + ":***@127.0.0.1:"), () -> Outcomes.describe(r));
        return err;
    }

    @Test
    void requireEncryptsWithoutCheckingTheCertificate(QuarkusMainLauncher launcher) {
        try (TlsRelay relay = relay(named, false)) {
            ok(upgrade(launcher, url(relay.port(), "sslmode=require")));
            assertTrue(relay.tlsSessions() > 0);
            assertEquals(0, relay.plainSessions());
        }
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
    }

    @Test
    void requireRefusesAServerWithoutTls(QuarkusMainLauncher launcher) {
        String err = failsWithoutPassword(upgrade(launcher, url(SERVER.getPort(), "sslmode=require")));
        assertTrue(err.contains("sslmode=require"), err);
        assertTrue(err.contains("does not accept TLS"), err);
        assertTrue(db.tables().isEmpty());
    }

    @Test
    void verifyCaAcceptsTheRightRootWhateverTheHostName(QuarkusMainLauncher launcher) {
        try (TlsRelay relay = relay(named, false)) {
            ok(upgrade(launcher, url(relay.port(), "sslmode=verify-ca&sslrootcert=" + named.pem())));
            assertTrue(relay.tlsSessions() > 0);
        }
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
    }

    @Test
    void verifyCaRefusesACertificateFromAnotherRoot(QuarkusMainLauncher launcher) {
        try (TlsRelay relay = relay(local, false)) {
            String err = failsWithoutPassword(upgrade(launcher, url(relay.port(), "sslmode=verify-ca&sslrootcert=" + other.pem())));
            assertTrue(err.contains("sslmode=verify-ca"), err);
            assertTrue(err.contains("is not signed by a root in sslrootcert " + other.pem()), err);
        }
        assertTrue(db.tables().isEmpty());
    }

    @Test
    void verifyFullChecksTheHostName(QuarkusMainLauncher launcher) {
        try (TlsRelay relay = relay(local, false)) {
            ok(upgrade(launcher, url(relay.port(), "sslmode=verify-full&sslrootcert=" + local.pem())));
        }
        try (TlsRelay relay = relay(named, false)) {
            String err = failsWithoutPassword(project.run(launcher, "--url",
                    url(relay.port(), "sslmode=verify-full&sslrootcert=" + named.pem()), "current"));
            assertTrue(err.contains("sslmode=verify-full"), err);
            assertTrue(err.contains("the server's certificate does not name the host 127.0.0.1"), err);
        }
    }

    @Test
    void aRootFileThatCannotBeReadIsNamed(QuarkusMainLauncher launcher) {
        Path missing = certificates.resolve("missing.pem");
        try (TlsRelay relay = relay(local, false)) {
            String err = failsWithoutPassword(upgrade(launcher, url(relay.port(), "sslmode=verify-ca&sslrootcert=" + missing)));
            assertTrue(err.contains(missing.toString()), err);
        }
    }

    @Test
    void disableDoesNotAskForTlsAndAServerRequiringItRefuses(QuarkusMainLauncher launcher) {
        try (TlsRelay relay = relay(named, false)) {
            String err = failsWithoutPassword(upgrade(launcher, url(relay.port(), "sslmode=disable")));
            assertTrue(err.contains("no encryption (SQLSTATE 28000)"), err);
            assertEquals(0, relay.tlsSessions());
            assertTrue(relay.plainSessions() > 0);
        }
        ok(upgrade(launcher, url(SERVER.getPort(), "sslmode=disable")));
    }

    @Test
    void allowTriesWithoutTlsFirstAndEncryptsWhenTheServerInsists(QuarkusMainLauncher launcher) {
        try (TlsRelay relay = relay(named, true)) {
            ok(project.run(launcher, "--url", url(relay.port(), "sslmode=allow"), "current"));
            assertEquals(0, relay.tlsSessions());
        }
        try (TlsRelay relay = relay(named, false)) {
            ok(upgrade(launcher, url(relay.port(), "sslmode=allow")));
            assertTrue(relay.tlsSessions() > 0);
        }
    }

    @Test
    void preferUsesTlsWhenOfferedAndPlainOtherwise(QuarkusMainLauncher launcher) {
        try (TlsRelay relay = relay(named, false)) {
            ok(upgrade(launcher, url(relay.port(), "sslmode=prefer")));
            assertTrue(relay.tlsSessions() > 0);
        }
        ok(project.run(launcher, "--url", url(SERVER.getPort(), "sslmode=prefer"), "current"));
    }
}
