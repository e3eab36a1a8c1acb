package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.engine.StatementFailed;
import dev.migrate.support.EngineTestBase;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The example environment shipped in {@code migrations/} runs unchanged on every engine, and the
 * schema it builds behaves as designed: unique monthly usage, cascading and nulling foreign keys.
 */
public abstract class ExampleEnvironmentScenarios extends EngineTestBase {
    private static final Path EXAMPLE = Path.of("migrations/versions").toAbsolutePath();

    @Override
    protected String extraConfig() {
        return "version_locations: [\"" + EXAMPLE + "\"]\n";
    }

    @Test
    void upgradesToHeadDowngradesToBaseAndUpgradesAgain(QuarkusMainLauncher launcher) {
        Set<String> all = Set.of("analyses", "datasets", "monthly_usage", "users");
        ok(project.run(launcher, "upgrade", "head"));
        assertEquals(all, db.tables());
        assertEquals(List.of("d4e5f6a7b8c9"), db.query("SELECT version_num FROM alembic_version").stream().map(r -> r.get(0)).toList());
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
}
