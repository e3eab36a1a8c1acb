package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrate.support.EngineTestBase;
import dev.migrate.support.ManyOperations;
import dev.migrate.support.Outcomes;
import dev.migrate.support.Project;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The promise of {@code --sql}: its script, run by the database's own shell on an empty database,
 * leaves exactly what the online run leaves — tables, columns, constraints, indexes, version rows,
 * history — upgrading from base, in two ranges, and downgrading back to base. Subclassed per engine.
 */
public abstract class OfflineScriptScenarios extends EngineTestBase {
    private static final Path EXAMPLE = Path.of("migrations/versions").toAbsolutePath();
    private static final Path EVERY_OPERATION = Path.of("src/test/resources/every-operation").toAbsolutePath();

    /** The database the scripts run on, beside {@link #db} where the online run goes. */
    protected TestDatabase offline;

    /** Runs a script on {@code target} with the database's shell. */
    protected abstract void runScript(TestDatabase target, String script);

    /**
     * Runs a script on {@code target} with the database's shell, expecting the shell to stop at a
     * failing statement; gives what it printed.
     */
    protected abstract String runFailingScript(TestDatabase target, String script);

    /** The comparable catalog of a database. */
    protected abstract List<String> catalog(TestDatabase database);

    @BeforeEach
    void createOfflineDatabase() {
        offline = newDatabase();
    }

    @AfterEach
    void dropOfflineDatabase() {
        offline.close();
    }

    private static String out(LaunchResult r) {
        return Outcomes.ok(r);
    }

    /** Online on {@link #db}, the printed script on {@link #offline}; the catalogs must match. */
    private void same(QuarkusMainLauncher launcher, List<String> online, List<List<String>> scripts) {
        ok(project.run(launcher, online.toArray(String[]::new)));
        for (List<String> args : scripts) runScript(offline, out(project.run(launcher, args.toArray(String[]::new))));
        assertEquals(String.join("\n", catalog(db)), String.join("\n", catalog(offline)));
    }

    @Test
    void theExampleEnvironment(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "version_locations: [\"" + EXAMPLE + "\"]\n");
        same(launcher, List.of("upgrade", "head"), List.of(List.of("upgrade", "--sql", "base:head")));
        assertEquals(Set.of("analyses", "datasets", "monthly_usage", "usage_events", "users"), offline.tables());
        same(launcher, List.of("downgrade", "base"), List.of(List.of("downgrade", "--sql", "head:base")));
        assertEquals(Set.of(), offline.tables());
    }

    @Test
    void aProjectUsingManyOperations(QuarkusMainLauncher launcher) {
        ManyOperations.write(project);
        same(launcher, List.of("upgrade", "m3"), List.of(List.of("upgrade", "--sql", "m3")));
        same(launcher, List.of("upgrade", "head"), List.of(List.of("upgrade", "--sql", "m3:head")));
        assertEquals(Set.of("audit", "customers", "purchases"), offline.tables());
        assertEquals(List.of("m7"), offline.query("SELECT version_num FROM alembic_version").stream().map(r -> r.get(0)).toList());
        assertEquals(8, offline.query("SELECT 1 FROM migrate_history").size(), "one row per revision, both branches included");
        same(launcher, List.of("downgrade", "m5"), List.of(List.of("downgrade", "--sql", "m7:m5")));
        same(launcher, List.of("downgrade", "base"), List.of(List.of("downgrade", "--sql", "m5:base")));
    }

    @Test
    void oneTransactionForTheWholeRun(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "transaction_per_migration: false\n");
        ManyOperations.write(project);
        same(launcher, List.of("upgrade", "m4"), List.of(List.of("upgrade", "--sql", "m4")));
    }

    /**
     * In one transaction: r1, r2 that is not transactional, r3, and r4 whose upgrade fails as r1
     * already created its table; r1's downgrade fails too, dropping a table nobody created.
     */
    private void runAloneThenAFailure() {
        project = new Project(tmp, db.url(), "transaction_per_migration: false\n");
        project.sql("r1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50));", "DROP TABLE no_such_table;");
        project.sql("r2", "r1", "-- transactional: false\n", "CREATE INDEX ix_accounts_name ON accounts (name);",
                "DROP INDEX ix_accounts_name;");
        project.sql("r3", "r2", "CREATE TABLE notes (id INTEGER PRIMARY KEY);", "DROP TABLE notes;");
        project.sql("r4", "r3", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
    }

    private List<String> versions(TestDatabase database) {
        return database.query("SELECT version_num FROM alembic_version").stream().map(r -> r.get(0)).toList();
    }

    /**
     * A revision that runs alone commits the run so far and then its own version change: when a
     * later revision fails, online or in the script stopped by the shell at its first error, the
     * version table names it, and nothing of the revisions after it remains.
     */
    @Test
    void aFailureAfterARevisionThatRunsAloneLeavesItsVersion(QuarkusMainLauncher launcher) {
        runAloneThenAFailure();
        Outcomes.fails(project.run(launcher, "upgrade", "head"), 1);
        String error = runFailingScript(offline, out(project.run(launcher, "upgrade", "--sql")));
        assertTrue(error.contains("already exists"), error);
        assertEquals(List.of("r2"), versions(db));
        assertEquals(String.join("\n", catalog(db)), String.join("\n", catalog(offline)));
        assertEquals(Set.of("accounts"), offline.tables(), "r3 rolled back with r4");
    }

    /** The same when downgrading: r3 commits before r2 runs alone, r2's version change commits, r1 fails. */
    @Test
    void aFailureAfterARevisionThatRunsAloneLeavesItsVersionDowngrading(QuarkusMainLauncher launcher) {
        runAloneThenAFailure();
        same(launcher, List.of("upgrade", "r3"), List.of(List.of("upgrade", "--sql", "r3")));
        Outcomes.fails(project.run(launcher, "downgrade", "base"), 1);
        String error = runFailingScript(offline, out(project.run(launcher, "downgrade", "--sql", "r3:base")));
        assertTrue(error.contains("no_such_table"), error);
        assertEquals(List.of("r1"), versions(db));
        assertEquals(String.join("\n", catalog(db)), String.join("\n", catalog(offline)));
        assertEquals(Set.of("accounts"), offline.tables());
    }

    /**
     * The history using every operation (on SQLite, table rebuilds written from the schema model),
     * printed in two ranges so that the second starts from a model replayed across rebuilds.
     */
    @Test
    void theHistoryUsingEveryOperation(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "version_locations: [\"" + EVERY_OPERATION + "\"]\n");
        same(launcher, List.of("upgrade", "head"),
                List.of(List.of("upgrade", "--sql", "base:e05"), List.of("upgrade", "--sql", "e05:head")));
        same(launcher, List.of("downgrade", "base"), List.of(List.of("downgrade", "--sql", "head:base")));
        assertEquals(List.of(), offline.query("SELECT version_num FROM alembic_version"));
    }
}
