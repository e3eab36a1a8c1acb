package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.engine.StatementFailed;
import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The example environment shipped in {@code migrations/} runs unchanged on every engine, and the
 * schema it builds behaves as designed: unique monthly usage, cascading and nulling foreign keys,
 * enums. Its TimescaleDB revision, in a folder of its own, is tested per engine by the subclasses.
 */
public abstract class ExampleEnvironmentScenarios extends EngineTestBase {
    protected static final Path EXAMPLE = Path.of("migrations/versions").toAbsolutePath();
    protected static final Path TIMESCALE = Path.of("migrations/timescale").toAbsolutePath();
    protected static final String MAIN_HEAD = "e1f2a3b4c5d6";
    protected static final Set<String> TABLES = Set.of("analyses", "datasets", "monthly_usage", "usage_events", "users");

    @Override
    protected String extraConfig() {
        return "version_locations: [\"" + EXAMPLE + "\"]\n";
    }

    /** A project on the same database that also reads the TimescaleDB folder. */
    protected Project withTimescale() {
        return new Project(tmp.resolve("with-timescale"), db.url(),
                "version_locations: [\"" + EXAMPLE + "\", \"" + TIMESCALE + "\"]\n");
    }

    protected List<String> versions() {
        return db.query("SELECT version_num FROM alembic_version").stream().map(r -> r.get(0)).toList();
    }

    @Test
    void upgradesToHeadDowngradesToBaseAndUpgradesAgain(QuarkusMainLauncher launcher) {
        Set<String> all = TABLES;
        ok(project.run(launcher, "upgrade", "head"));
        assertEquals(all, db.tables());
        assertEquals(List.of(MAIN_HEAD), versions());
        ok(project.run(launcher, "downgrade", "base"));
        assertEquals(Set.of(), db.tables());
        ok(project.run(launcher, "upgrade", "head"));
        assertEquals(all, db.tables());
    }

    @Test
    void theSchemaEnforcesWhatTheRevisionsDeclare(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "upgrade", "head"));
        db.execute("INSERT INTO users (email) VALUES ('ada@example.com')");
        String user = db.query("SELECT id, subscription_tier, settings FROM users").get(0).get(0);
        assertEquals(36, user.length(), "a generated UUID key");
        assertEquals(List.of("free", "{}"), db.query("SELECT subscription_tier, settings FROM users").get(0));

        db.execute("INSERT INTO monthly_usage (user_id, month_year) VALUES ('" + user + "', '2026-11')");
        assertThrows(StatementFailed.class,
                () -> db.execute("INSERT INTO monthly_usage (user_id, month_year) VALUES ('" + user + "', '2026-11')"));
        assertThrows(StatementFailed.class, () -> db.execute("UPDATE users SET subscription_tier = 'gold'"));

        db.execute("INSERT INTO datasets (owner_id, name) VALUES ('" + user + "', 'sales')");
        String dataset = db.query("SELECT id FROM datasets").get(0).get(0);
        db.execute("INSERT INTO users (email) VALUES ('bob@example.com')");
        String bob = db.query("SELECT id FROM users WHERE email = 'bob@example.com'").get(0).get(0);
        db.execute("INSERT INTO analyses (dataset_id, requested_by) VALUES ('" + dataset + "', '" + bob + "')");

        db.execute("DELETE FROM users WHERE id = '" + bob + "'");
        assertEquals(1, db.query("SELECT 1 FROM analyses WHERE requested_by IS NULL").size(), "ON DELETE SET NULL");
        db.execute("DELETE FROM users WHERE id = '" + user + "'");
        assertEquals(0, db.query("SELECT 1 FROM monthly_usage").size(), "ON DELETE CASCADE");
        assertEquals(0, db.query("SELECT 1 FROM datasets").size(), "ON DELETE CASCADE");
        assertEquals(0, db.query("SELECT 1 FROM analyses").size(), "ON DELETE CASCADE through datasets");
    }

    @Test
    void enumColumnsTakeTheirValuesOnly(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "upgrade", "head"));
        db.execute("INSERT INTO users (email) VALUES ('ada@example.com')");
        String user = db.query("SELECT id FROM users").get(0).get(0);
        db.execute("INSERT INTO datasets (owner_id, name) VALUES ('" + user + "', 'sales')");
        String dataset = db.query("SELECT id FROM datasets").get(0).get(0);
        db.execute("INSERT INTO analyses (dataset_id) VALUES ('" + dataset + "')");
        assertEquals(List.of(List.of("queued")), db.query("SELECT status FROM analyses"));
        db.execute("UPDATE analyses SET status = 'succeeded'");
        assertThrows(StatementFailed.class, () -> db.execute("UPDATE analyses SET status = 'lost'"));
        db.execute("INSERT INTO usage_events (user_id, kind) VALUES ('" + user + "', 'upload')");
        assertEquals(List.of(List.of("upload", "1")), db.query("SELECT kind, quantity FROM usage_events"));
        assertThrows(StatementFailed.class,
                () -> db.execute("INSERT INTO usage_events (user_id, kind) VALUES ('" + user + "', 'download')"));

        ok(project.run(launcher, "downgrade", "-1"));
        assertEquals(List.of(List.of("succeeded")), db.query("SELECT status FROM analyses"), "rows survive the conversion back");
        db.execute("UPDATE analyses SET status = 'anything'");
    }
}
