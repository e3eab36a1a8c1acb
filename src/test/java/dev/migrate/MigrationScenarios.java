package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Database;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.VersionTable;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Outcomes;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The scenarios every engine must pass, run through the real command line against a real
 * database. Subclassed once per engine (the conformance-suite pattern of golang-migrate).
 */
public abstract class MigrationScenarios extends EngineTestBase {
    protected List<String> versions() {
        return db.query("SELECT version_num FROM alembic_version ORDER BY version_num").stream().map(r -> r.get(0)).toList();
    }

    protected void threeRevisions() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "ALTER TABLE accounts ADD COLUMN email VARCHAR(200);\nCREATE INDEX ix_accounts_email ON accounts (email);",
                "DROP INDEX ix_accounts_email;\nALTER TABLE accounts DROP COLUMN email;");
        project.sql("c3", "b2", "CREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts (id));\n"
                + "INSERT INTO accounts (id, name) VALUES (1, 'semi;colon');", "DROP TABLE orders;\nDELETE FROM accounts WHERE id = 1;");
    }

    @Test
    void upgradeHeadAppliesEveryRevisionAndRecordsTheHead(QuarkusMainLauncher launcher) {
        threeRevisions();
        LaunchResult r = project.run(launcher, "upgrade", "head");
        ok(r);
        assertEquals(Set.of("accounts", "orders"), db.tables());
        assertEquals(List.of("id", "name", "email"), db.columns("accounts"));
        assertEquals(List.of("c3"), versions());
        assertTrue(r.getErrorOutput().contains("Running upgrade b2 -> c3, revision c3"), r.getErrorOutput());
        assertEquals(List.of(List.of("semi;colon")), db.query("SELECT name FROM accounts"));

        LaunchResult again = project.run(launcher, "upgrade");
        ok(again);
        assertFalse(again.getErrorOutput().contains("Running upgrade"), again.getErrorOutput());
    }

    @Test
    void jsonResultsOfUpgradeDowngradeAndStamp(QuarkusMainLauncher launcher) {
        threeRevisions();
        LaunchResult up = project.run(launcher, "--json", "upgrade", "b2");
        ok(up);
        String text = up.getOutput().strip();
        assertEquals(1, text.split("\n").length, text);
        JsonObject json = new JsonObject(text);
        assertEquals(List.of("command", "target", "before", "applied", "current", "elapsed_ms"), List.copyOf(json.fieldNames()), text);
        assertEquals("upgrade", json.getString("command"));
        assertEquals("b2", json.getString("target"));
        assertEquals(new JsonArray(), json.getJsonArray("before"));
        assertEquals(new JsonArray().add("b2"), json.getJsonArray("current"));
        Outcomes.millis(json, "elapsed_ms");
        JsonArray applied = json.getJsonArray("applied");
        assertEquals(2, applied.size(), text);
        String[][] expected = {{"a1", "[]", "[\"a1\"]"}, {"b2", "[\"a1\"]", "[\"b2\"]"}};
        long steps = 0;
        for (int i = 0; i < expected.length; i++) {
            JsonObject step = applied.getJsonObject(i);
            assertEquals(List.of("revision", "direction", "from", "to", "elapsed_ms"), List.copyOf(step.fieldNames()), text);
            assertEquals(expected[i][0], step.getString("revision"));
            assertEquals("upgrade", step.getString("direction"));
            assertEquals(expected[i][1], step.getJsonArray("from").encode());
            assertEquals(expected[i][2], step.getJsonArray("to").encode());
            steps += Outcomes.millis(step, "elapsed_ms");
        }
        assertTrue(steps <= json.getLong("elapsed_ms"), "the steps take part of the whole run: " + text);

        LaunchResult idle = project.run(launcher, "--json", "upgrade", "b2");
        ok(idle);
        JsonObject nothing = new JsonObject(idle.getOutput().strip());
        assertEquals(new JsonArray(), nothing.getJsonArray("applied"));
        assertEquals(new JsonArray().add("b2"), nothing.getJsonArray("current"));
        Outcomes.millis(nothing, "elapsed_ms");

        LaunchResult down = project.run(launcher, "--json", "downgrade", "base");
        ok(down);
        JsonObject reverted = new JsonObject(down.getOutput().strip());
        assertEquals("downgrade", reverted.getString("command"));
        assertEquals("base", reverted.getString("target"));
        assertEquals(new JsonArray().add("b2"), reverted.getJsonArray("before"));
        assertEquals(new JsonArray(), reverted.getJsonArray("current"));
        JsonObject first = reverted.getJsonArray("applied").getJsonObject(0);
        assertEquals("b2", first.getString("revision"));
        assertEquals("downgrade", first.getString("direction"));
        assertEquals("[\"b2\"]", first.getJsonArray("from").encode());
        assertEquals("[\"a1\"]", first.getJsonArray("to").encode());
        Outcomes.millis(first, "elapsed_ms");
        assertEquals("a1", reverted.getJsonArray("applied").getJsonObject(1).getString("revision"));

        LaunchResult stamp = project.run(launcher, "--json", "stamp", "c3");
        ok(stamp);
        JsonObject stamped = new JsonObject(stamp.getOutput().strip());
        assertEquals(List.of("command", "current", "elapsed_ms"), List.copyOf(stamped.fieldNames()));
        assertEquals(new JsonArray().add("c3"), stamped.getJsonArray("current"));
        Outcomes.millis(stamped, "elapsed_ms");
        assertEquals(List.of("c3"), versions());
    }

    @Test
    void downgradeStepsBackAndToBase(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "upgrade", "head"));
        LaunchResult r = project.run(launcher, "downgrade", "-1");
        ok(r);
        assertTrue(r.getErrorOutput().contains("Running downgrade c3 -> b2"), r.getErrorOutput());
        assertEquals(List.of("b2"), versions());
        assertEquals(Set.of("accounts"), db.tables());
        ok(project.run(launcher, "downgrade", "base"));
        assertEquals(List.of(), versions());
        assertEquals(Set.of(), db.tables());
        ok(project.run(launcher, "upgrade", "+2"));
        assertEquals(List.of("b2"), versions());
    }

    @Test
    void aFailingRevisionRollsBackAndNamesFileLineAndError(QuarkusMainLauncher launcher) {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        Path bad = project.sql("b2", "a1", "CREATE TABLE half (id INTEGER);\nINSERT INTO missing_table VALUES (1);", "DROP TABLE half;");
        LaunchResult r = project.run(launcher, "upgrade", "head");
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        String err = r.getErrorOutput();
        assertTrue(err.contains("b2"), err);
        assertTrue(err.contains(bad.getFileName().toString() + ":7"), err);
        assertTrue(err.contains("INSERT INTO missing_table VALUES (1)"), err);
        assertTrue(err.contains("missing_table"), err);
        assertFalse(err.contains("Exception"), err);
        assertEquals(List.of("a1"), versions());
        assertEquals(Set.of("accounts"), db.tables());
    }

    /** -x values may be secrets: a failure shows the statement as written and hides a value the server repeats. */
    @Test
    void aFailureNeverShowsAnXValue(QuarkusMainLauncher launcher) {
        Path file = project.sql("a1", null, "SELECT * FROM \"${x.password}\";", "SELECT 1;");
        for (String verbosity : List.of("-q", "-v")) {
            LaunchResult r = project.run(launcher, "upgrade", "head", "-x", "password=Sup3rS3cret", verbosity);
            assertEquals(1, r.exitCode(), r.getErrorOutput());
            String all = r.getOutput() + r.getErrorOutput();
            assertFalse(all.contains("Sup3rS3cret"), all);
            assertTrue(all.contains(file.getFileName() + ":5"), all);
            assertTrue(all.contains("statement: SELECT * FROM \"${x.password}\""), all);
            assertTrue(all.contains("***"), all);
        }
    }

    @Test
    void oneTransactionForTheWholeRunRollsEverythingBack(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "transaction_per_migration: false\n");
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "INSERT INTO missing_table VALUES (1);", "SELECT 1;");
        assertEquals(1, project.run(launcher, "upgrade", "head").exitCode());
        assertEquals(Set.of(), db.tables());
        assertTrue(db.query("SELECT version_num FROM alembic_version").isEmpty());
    }

    @Test
    void currentReadsWithoutCreatingAndChecksHeads(QuarkusMainLauncher launcher) {
        threeRevisions();
        LaunchResult empty = project.run(launcher, "current", "--check-heads");
        assertEquals(3, empty.exitCode(), empty.getErrorOutput());
        assertEquals(Set.of(), db.tables());
        assertFalse(db.hasTable("alembic_version"), "current must not create the version table");
        ok(project.run(launcher, "upgrade", "b2"));
        LaunchResult mid = project.run(launcher, "current");
        ok(mid);
        assertEquals("b2", mid.getOutput().strip());
        assertEquals(3, project.run(launcher, "current", "--check-heads").exitCode());
        ok(project.run(launcher, "upgrade"));
        LaunchResult head = project.run(launcher, "current", "--check-heads");
        ok(head);
        assertEquals("c3 (head)", head.getOutput().strip());
        LaunchResult json = project.run(launcher, "--json", "current");
        ok(json);
        assertTrue(json.getOutput().contains("\"revision\":\"c3\""), json.getOutput());
        assertTrue(json.getOutput().contains("\"is_current\":true"), json.getOutput());
    }

    @Test
    void theEngineRunsStepsWithoutTheCommandLine() {
        threeRevisions();
        ScriptDirectory scripts = ScriptDirectory.load(List.of(project.versions()));
        RevisionMap graph = new RevisionMap(scripts.revisions());
        List<String> log = new ArrayList<>();
        Database session = db.open();
        VersionTable versions = new VersionTable(null, "alembic_version", Flavors.dialect(session.dialectName()));
        try {
            Migrator migrator = new Migrator(session, Flavors.dialect(session.dialectName()), versions, true, scripts::byId, log::add);
            List<Step> up = migrator.run(graph.upgrade(List.of(), "b2")).await().indefinitely();
            assertEquals(List.of("a1", "b2"), up.stream().map(st -> st.revision().id()).toList());
            assertEquals(List.of("b2"), versions.heads(session).await().indefinitely());
            assertEquals(2, log.size());
            List<Step> down = migrator.run(graph.downgrade(List.of("b2"), "base")).await().indefinitely();
            assertEquals(List.of("b2", "a1"), down.stream().map(st -> st.revision().id()).toList());
            assertEquals(List.of(), versions.heads(session).await().indefinitely());
            assertEquals(Set.of(), db.tables());
        } finally {
            session.close().await().indefinitely();
        }
    }

    @Test
    void ensureVersionCreatesAnAlembicCompatibleTable(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "ensure-version"));
        assertTrue(db.hasTable("alembic_version"));
        assertEquals(List.of(), versions());
    }

    @Test
    void aDatabaseMigratedByAlembicIsReadAndContinued(QuarkusMainLauncher launcher) {
        threeRevisions();
        // Exactly what Alembic creates, and the state it leaves after upgrading to b2.
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
        db.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(200))");
        db.execute("INSERT INTO alembic_version (version_num) VALUES ('b2')");
        LaunchResult current = project.run(launcher, "current");
        ok(current);
        assertEquals("b2", current.getOutput().strip());
        ok(project.run(launcher, "upgrade", "head"));
        assertEquals(List.of("c3"), versions());
        assertEquals(Set.of("accounts", "orders"), db.tables());
    }

    @Test
    void branchesAndMergesKeepOneRowPerHead(QuarkusMainLauncher launcher) {
        project.sql("a1", null, "CREATE TABLE t_a (id INTEGER);", "DROP TABLE t_a;");
        project.sql("b1", "a1", "CREATE TABLE t_b (id INTEGER);", "DROP TABLE t_b;");
        project.sql("c1", "a1", "CREATE TABLE t_c (id INTEGER);", "DROP TABLE t_c;");
        LaunchResult multiple = project.run(launcher, "upgrade", "head");
        assertEquals(1, multiple.exitCode());
        assertTrue(multiple.getErrorOutput().contains("heads"), multiple.getErrorOutput());
        ok(project.run(launcher, "upgrade", "heads"));
        assertEquals(List.of("b1", "c1"), versions());
        project.sql("m1", "b1,c1", "CREATE TABLE t_m (id INTEGER);", "DROP TABLE t_m;");
        ok(project.run(launcher, "upgrade", "head"));
        assertEquals(List.of("m1"), versions());
        // From a merge, -1 is ambiguous (as in Alembic); naming a parent unmerges.
        assertEquals(1, project.run(launcher, "downgrade", "-1").exitCode());
        ok(project.run(launcher, "downgrade", "b1"));
        assertEquals(List.of("b1", "c1"), versions());
        assertEquals(Set.of("t_a", "t_b", "t_c"), db.tables());
    }

    @Test
    void stampWritesTheVersionTableWithoutRunningAnything(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "stamp", "head"));
        assertEquals(List.of("c3"), versions());
        assertEquals(Set.of(), db.tables());
        ok(project.run(launcher, "stamp", "a1"));
        assertEquals(List.of("a1"), versions());
        db.execute("INSERT INTO alembic_version (version_num) VALUES ('zz')");
        ok(project.run(launcher, "stamp", "--purge", "b2"));
        assertEquals(List.of("b2"), versions());
        ok(project.run(launcher, "stamp", "base"));
        assertEquals(List.of(), versions());
    }
}
