package dev.migrate;

import static dev.migrate.support.Outcomes.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Outcomes;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code upgrade}, {@code downgrade}, {@code current} and {@code check} against several databases
 * of one engine at once (three: {@code db} and two more), through the real command line.
 */
public abstract class ManyDatabasesScenarios extends EngineTestBase {
    protected TestDatabase second;
    protected TestDatabase third;

    @BeforeEach
    void moreDatabases() {
        second = newDatabase();
        third = newDatabase();
    }

    @AfterEach
    void dropMoreDatabases() {
        second.close();
        third.close();
    }

    protected static List<String> versions(TestDatabase d) {
        if (!d.hasTable("alembic_version")) return List.of();
        return d.query("SELECT version_num FROM alembic_version ORDER BY version_num").stream().map(r -> r.get(0)).toList();
    }

    /** How the output names a database given by its URL. */
    protected static String name(TestDatabase d) {
        return DatabaseUrl.mask(d.url());
    }

    protected void twoRevisions() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE orders (id INTEGER PRIMARY KEY);", "DROP TABLE orders;");
    }

    protected static List<String> lines(String text) {
        return text.strip().lines().toList();
    }

    private LaunchResult upgradeAll(QuarkusMainLauncher launcher, String... more) {
        List<String> args = new ArrayList<>(List.of("upgrade", "--url", db.url(), "--url", second.url(), "--url", third.url()));
        args.addAll(List.of(more));
        return project.run(launcher, args.toArray(String[]::new));
    }

    @Test
    void oneFailingDatabaseDoesNotStopTheOthers(QuarkusMainLauncher launcher) {
        twoRevisions();
        second.execute("CREATE TABLE orders (id INTEGER)");
        LaunchResult r = upgradeAll(launcher);
        assertEquals(1, r.exitCode(), Outcomes.describe(r));
        List<String> out = lines(r.getOutput());
        assertEquals(4, out.size(), Outcomes.describe(r));
        assertEquals(name(db) + ": upgraded 2 revisions (<base> -> b2)", out.get(0));
        assertTrue(out.get(1).startsWith(name(second) + ": FAILED: "), out.get(1));
        assertTrue(out.get(1).contains("b2"), out.get(1));
        assertEquals(name(third) + ": upgraded 2 revisions (<base> -> b2)", out.get(2));
        assertEquals("3 databases: 2 upgraded, 1 failed", out.get(3));
        assertTrue(r.getErrorOutput().contains("ERROR: " + name(second) + ": "), r.getErrorOutput());
        assertEquals(List.of("b2"), versions(db));
        assertEquals(List.of("a1"), versions(second));
        assertEquals(List.of("b2"), versions(third));

        second.execute("DROP TABLE orders");
        LaunchResult again = upgradeAll(launcher);
        ok(again);
        assertEquals(List.of(name(db) + ": already at head (b2)", name(second) + ": upgraded 1 revision (a1 -> b2)",
                name(third) + ": already at head (b2)", "3 databases: 2 unchanged, 1 upgraded"), lines(again.getOutput()));
    }

    @Test
    void progressLinesOnlyWithVerboseAndPrefixedWithTheDatabase(QuarkusMainLauncher launcher) {
        twoRevisions();
        LaunchResult quiet = project.run(launcher, "upgrade", "--url", db.url(), "--url", second.url());
        ok(quiet);
        assertFalse(quiet.getErrorOutput().contains("Running upgrade"), quiet.getErrorOutput());
        LaunchResult verbose = project.run(launcher, "-v", "downgrade", "base", "--url", db.url(), "--url", second.url());
        ok(verbose);
        assertTrue(verbose.getErrorOutput().contains(name(second) + ": Running downgrade b2 -> a1"), verbose.getErrorOutput());
        assertEquals(List.of(name(db) + ": downgraded 2 revisions (b2 -> <base>)", name(second) + ": downgraded 2 revisions (b2 -> <base>)",
                "2 databases: 2 downgraded"), lines(verbose.getOutput()));
    }

    /** Without -v a run over hundreds would say nothing until the summary: a line on standard error as each database ends. */
    @Test
    void aProgressLineAsEachDatabaseEnds(QuarkusMainLauncher launcher) {
        twoRevisions();
        second.execute("CREATE TABLE orders (id INTEGER)");
        LaunchResult r = upgradeAll(launcher, "--concurrency", "1");
        assertEquals(1, r.exitCode(), Outcomes.describe(r));
        List<String> progress = lines(r.getErrorOutput()).stream().filter(l -> l.startsWith("[")).toList();
        assertEquals(List.of("[1/3] " + name(db) + ": upgraded 2 revisions (<base> -> b2)"), progress.subList(0, 1), r.getErrorOutput());
        assertTrue(progress.get(1).startsWith("[2/3] " + name(second) + ": FAILED: ") && progress.get(1).contains("b2"), r.getErrorOutput());
        assertEquals("[3/3] " + name(third) + ": upgraded 2 revisions (<base> -> b2)", progress.get(2), r.getErrorOutput());
        assertEquals(3, progress.size(), r.getErrorOutput());
        assertEquals(4, lines(r.getOutput()).size(), Outcomes.describe(r));

        LaunchResult quiet = project.run(launcher, "-q", "current", "--url", db.url(), "--url", second.url());
        ok(quiet);
        assertEquals("", quiet.getErrorOutput().strip(), quiet.getErrorOutput());
        assertEquals(3, lines(quiet.getOutput()).size(), Outcomes.describe(quiet));
    }

    @Test
    void warningsAreShownWithoutVerbose(QuarkusMainLauncher launcher) {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        ok(project.run(launcher, "upgrade", "--url", db.url(), "--url", second.url()));
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE orders (id INTEGER PRIMARY KEY);", "DROP TABLE orders;");
        LaunchResult r = project.run(launcher, "upgrade", "--url", db.url(), "--url", second.url());
        ok(r);
        for (TestDatabase d : List.of(db, second)) {
            assertTrue(r.getErrorOutput().contains(name(d) + ": WARNING: revision a1 "), r.getErrorOutput());
        }
        assertFalse(r.getErrorOutput().contains("Running upgrade"), r.getErrorOutput());
    }

    @Test
    void aFailureNeverShowsAnXValue(QuarkusMainLauncher launcher) {
        project.sql("a1", null, "SELECT * FROM \"${x.password}\";", "SELECT 1;");
        for (String format : List.of("--json", "-q")) {
            LaunchResult r = project.run(launcher, "upgrade", "--url", db.url(), "--url", second.url(), "-x", "password=Sup3rS3cret", format);
            assertEquals(1, r.exitCode(), Outcomes.describe(r));
            String all = r.getOutput() + r.getErrorOutput();
            assertFalse(all.contains("Sup3rS3cret"), all);
            assertTrue(all.contains("***"), all);
        }
    }

    @Test
    void stampWritesEveryVersionTable(QuarkusMainLauncher launcher) {
        twoRevisions();
        LaunchResult r = project.run(launcher, "stamp", "a1", "--url", db.url(), "--url", second.url());
        ok(r);
        assertEquals(List.of(name(db) + ": stamped a1", name(second) + ": stamped a1", "2 databases: 2 stamped"), lines(r.getOutput()));
        assertEquals(List.of("a1"), versions(second));
        assertEquals(List.of(), second.tables().stream().toList());
        LaunchResult purge = project.run(launcher, "--json", "stamp", "base", "--purge", "--url", db.url(), "--url", second.url());
        ok(purge);
        assertTrue(purge.getOutput().replace(" ", "").contains("\"status\":\"stamped\",\"current\":[],\"error\":null"),
                purge.getOutput());
        assertEquals(List.of(), versions(db));
    }

    @Test
    void concurrencyOneGivesTheSameResult(QuarkusMainLauncher launcher) {
        twoRevisions();
        third.execute("CREATE TABLE orders (id INTEGER)");
        LaunchResult one = upgradeAll(launcher, "--concurrency", "1");
        assertEquals(1, one.exitCode(), Outcomes.describe(one));
        for (TestDatabase d : List.of(db, second, third)) {
            d.execute("DROP TABLE IF EXISTS alembic_version");
            d.execute("DROP TABLE IF EXISTS migrate_history");
        }
        for (TestDatabase d : List.of(db, second)) d.execute("DROP TABLE orders");
        for (TestDatabase d : List.of(db, second, third)) d.execute("DROP TABLE accounts");
        LaunchResult dflt = upgradeAll(launcher);
        assertEquals(1, dflt.exitCode(), Outcomes.describe(dflt));
        assertEquals(one.getOutput(), dflt.getOutput());
        fails(upgradeAll(launcher, "--concurrency", "0"), 2);
    }

    @Test
    void theDatabasesMapNamesEachDatabase(QuarkusMainLauncher launcher) throws IOException {
        twoRevisions();
        Path config = config("databases:\n  tenant_a: " + db.url() + "\n  tenant_b: " + second.url() + "\n  tenant_c: "
                + third.url() + "\n");
        LaunchResult r = launcher.launch("-c", config.toString(), "upgrade", "a1");
        ok(r);
        assertEquals(List.of("tenant_a: upgraded 1 revision (<base> -> a1)", "tenant_b: upgraded 1 revision (<base> -> a1)",
                "tenant_c: upgraded 1 revision (<base> -> a1)", "3 databases: 3 upgraded"), lines(r.getOutput()));
        ok(launcher.launch("-c", config.toString(), "upgrade", "--url", db.url()));
        assertEquals(List.of("b2"), versions(db));
        assertEquals(List.of("a1"), versions(second));

        LaunchResult current = launcher.launch("-c", config.toString(), "current");
        ok(current);
        assertEquals(List.of("tenant_a: b2 (head)", "tenant_b: a1 (not at head)", "tenant_c: a1 (not at head)",
                "3 databases: 1 at head, 2 not at head"), lines(current.getOutput()));
        assertEquals(3, launcher.launch("-c", config.toString(), "current", "--check-heads").exitCode());

        LaunchResult json = launcher.launch("-c", config.toString(), "--json", "upgrade");
        ok(json);
        // Each database's object: its steps as a run against it alone gives them, each timed, and its own time.
        JsonArray all = new JsonArray(json.getOutput().strip());
        assertEquals(3, all.size(), json.getOutput());
        String[][] expected = {{"tenant_a", "unchanged"}, {"tenant_b", "upgraded"}, {"tenant_c", "upgraded"}};
        for (int i = 0; i < expected.length; i++) {
            JsonObject one = all.getJsonObject(i);
            assertEquals(List.of("name", "status", "applied", "current", "error", "elapsed_ms"), List.copyOf(one.fieldNames()), one.encode());
            assertEquals(expected[i][0], one.getString("name"));
            assertEquals(expected[i][1], one.getString("status"));
            assertEquals(new JsonArray().add("b2"), one.getJsonArray("current"));
            assertNull(one.getValue("error"));
            Outcomes.millis(one, "elapsed_ms");
            JsonArray applied = one.getJsonArray("applied");
            assertEquals(i == 0 ? 0 : 1, applied.size(), one.encode());
            if (i > 0) {
                JsonObject step = applied.getJsonObject(0);
                assertEquals(List.of("revision", "direction", "from", "to", "elapsed_ms"), List.copyOf(step.fieldNames()));
                assertEquals("b2", step.getString("revision"));
                assertEquals("upgrade", step.getString("direction"));
                assertEquals(new JsonArray().add("a1"), step.getJsonArray("from"));
                assertEquals(new JsonArray().add("b2"), step.getJsonArray("to"));
                assertTrue(Outcomes.millis(step, "elapsed_ms") <= one.getLong("elapsed_ms"), one.encode());
            }
        }
        ok(launcher.launch("-c", config.toString(), "current", "--check-heads"));
    }

    @Test
    void aFailureInJsonCarriesItsError(QuarkusMainLauncher launcher) {
        twoRevisions();
        second.execute("CREATE TABLE accounts (id INTEGER)");
        LaunchResult r = project.run(launcher, "--json", "upgrade", "--url", db.url(), "--url", second.url());
        assertEquals(1, r.exitCode(), Outcomes.describe(r));
        String out = r.getOutput().strip().replace("\n", "");
        assertTrue(out.startsWith("["), out);
        assertTrue(out.matches(".*\"name\": ?\"" + java.util.regex.Pattern.quote(name(second))
                + "\", ?\"status\": ?\"failed\", ?\"applied\": ?\\[\\], ?\"current\": ?null, ?\"error\": ?\"[^\"]*a1.*"), out);
        JsonObject failed = new JsonArray(out).getJsonObject(1);
        assertEquals("failed", failed.getString("status"));
        Outcomes.millis(failed, "elapsed_ms");
    }

    @Test
    void aUrlFileSkipsCommentsAndBlankLinesAndExpandsVariables(QuarkusMainLauncher launcher) throws IOException {
        twoRevisions();
        Path file = tmp.resolve("tenants.txt");
        Files.writeString(file, "# tenants\n\n" + db.url() + "\n   \n  # second, by a default\n${MIGRATE_TEST_NEVER_SET:-"
                + second.url() + "}\n");
        LaunchResult r = project.run(launcher, "upgrade", "--url-file", file.toString());
        ok(r);
        assertEquals(List.of(name(db) + ": upgraded 2 revisions (<base> -> b2)", name(second) + ": upgraded 2 revisions (<base> -> b2)",
                "2 databases: 2 upgraded"), lines(r.getOutput()));
        assertEquals(List.of(), versions(third));

        Files.writeString(file, "# tenants\n" + db.url() + "\npostgresql://app:s3cret${MIGRATE_TEST_NEVER_SET}@localhost/x\n");
        String err = fails(project.run(launcher, "current", "--url-file", file.toString()), 1);
        assertTrue(err.contains(file + ":3: environment variable MIGRATE_TEST_NEVER_SET is not set"), err);
        assertFalse(err.contains("s3cret"), err);

        Files.writeString(file, db.url() + "\nmysql://app:s3cret@localhost/x\n");
        err = fails(project.run(launcher, "upgrade", "--url-file", file.toString()), 1);
        assertTrue(err.contains(file + ":2: unsupported database URL 'mysql://app:***@localhost/x'"), err);
        assertFalse(err.contains("s3cret"), err);
        assertEquals(List.of("b2"), versions(db));

        Files.writeString(file, "# nobody yet\n\n");
        assertTrue(fails(project.run(launcher, "upgrade", "--url-file", file.toString()), 2).contains("holds no URL"));
        Files.writeString(file, db.url() + "\n" + db.url() + "\n");
        assertTrue(fails(project.run(launcher, "upgrade", "--url-file", file.toString()), 2).contains(file + ":2 names the same database as "
                + file + ":1"));
        assertTrue(fails(project.run(launcher, "upgrade", "--url-file", tmp.resolve("none.txt").toString()), 1).contains("does not exist"));
        assertTrue(fails(project.run(launcher, "upgrade", "--url-file", file.toString(), "--url", db.url()), 2).contains("not both"));
    }

    @Test
    void checkComparesEveryDatabase(QuarkusMainLauncher launcher) throws IOException {
        project.yaml("a1", null, "");
        Files.writeString(project.dir().resolve("migrations/schema.yaml"), "tables: []\n");
        ok(project.run(launcher, "upgrade", "--url", db.url(), "--url", second.url()));
        second.execute("CREATE TABLE stray (id INTEGER)");
        LaunchResult differ = project.run(launcher, "check", "--url", db.url(), "--url", second.url());
        assertEquals(3, differ.exitCode(), Outcomes.describe(differ));
        List<String> out = lines(differ.getOutput());
        assertEquals(name(db) + ": up to date", out.get(0));
        assertTrue(out.get(1).startsWith(name(second) + ": 1 difference: ") && out.get(1).contains("stray"), out.get(1));
        assertEquals("2 databases: 1 up to date, 1 different", out.get(2));

        LaunchResult behind = project.run(launcher, "check", "--url", db.url(), "--url", second.url(), "--url", third.url());
        assertEquals(1, behind.exitCode(), Outcomes.describe(behind));
        assertTrue(lines(behind.getOutput()).get(2).startsWith(name(third) + ": FAILED: Target database is not up to date"),
                behind.getOutput());

        // The target schema is every database's: a mistake in it is told once, before any database is compared.
        Files.writeString(project.dir().resolve("migrations/schema.yaml"), "tables: [\n");
        LaunchResult bad = project.run(launcher, "check", "--url", db.url(), "--url", second.url());
        String err = fails(bad, 1);
        assertEquals("", bad.getOutput().strip(), Outcomes.describe(bad));
        assertTrue(err.contains("schema.yaml"), err);
        assertFalse(err.contains(name(db)) || err.contains(name(second)), err);
        Files.delete(project.dir().resolve("migrations/schema.yaml"));
        LaunchResult none = project.run(launcher, "check", "--url", db.url(), "--url", second.url());
        err = fails(none, 1);
        assertEquals("", none.getOutput().strip(), Outcomes.describe(none));
        assertEquals(1, err.split("does not exist", -1).length - 1, err);
    }

    @Test
    void commandsForOneDatabaseRefuseSeveral(QuarkusMainLauncher launcher) throws IOException {
        twoRevisions();
        for (String[] args : List.of(new String[] {"history", "-i"}, new String[] {"inspect"}, new String[] {"stamp", "head", "--sql"},
                new String[] {"upgrade", "--sql"}, new String[] {"ensure-version"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--url", db.url(), "--url", second.url()));
            String err = fails(project.run(launcher, all.toArray(String[]::new)), 2);
            assertTrue(err.contains("only upgrade, downgrade, stamp, current and check run against several databases"), err);
        }
        Path file = tmp.resolve("tenants.txt");
        Files.writeString(file, db.url() + "\n");
        assertTrue(fails(project.run(launcher, "--url-file", file.toString(), "inspect"), 2).contains("--url-file is"));
        assertTrue(fails(project.run(launcher, "inspect", "--url-file", file.toString()), 2).matches("(?s).*Unknown options?: '--url-file'.*"));

        Path config = config("databases:\n  tenant_a: " + db.url() + "\n");
        String err = fails(launcher.launch("-c", config.toString(), "ensure-version"), 2);
        assertTrue(err.contains("lists databases: and sets no url:"), err);
        ok(launcher.launch("-c", config.toString(), "stamp", "head", "--url", db.url()));
        ok(launcher.launch("-c", config.toString(), "heads"));
        assertEquals(List.of(), versions(second));
    }

    /** A configuration of the project's revisions with {@code extra} and no {@code url:}. */
    protected Path config(String extra) throws IOException {
        return Files.writeString(tmp.resolve("tenants.yaml"), "script_location: migrations\n" + extra);
    }
}
