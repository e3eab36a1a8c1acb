package dev.migrate.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.core.Flavors;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.interrupt.Interruption;
import dev.migrate.engine.lock.LockedRun;
import dev.migrate.errors.RunInterrupted;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.support.Project;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.mutiny.core.Vertx;

/**
 * The migration lock, run by both engines: concurrent runs apply each revision once, a held lock
 * times out naming its holder, a failed or interrupted run leaves the lock free. Concurrent runs
 * are threads of this JVM, each with its own sessions, driving the same {@link LockedRun} the
 * command line uses: the test phase has no packaged application to start as separate processes.
 */
public abstract class LockScenarios {
    protected static final Vertx VERTX = Vertx.vertx();
    protected static final int REVISIONS = 30;
    protected static final int RUNS = 10;

    @TempDir
    protected Path tmp;

    protected TestDatabase db;
    protected Project project;

    protected abstract TestDatabase newDatabase();

    /** Takes the migration lock the way another run would; closing releases it. {@code holderPid} is what a message should name. */
    protected abstract HeldLock holdLock();

    /** Whether the lock is free now (taking and releasing it at once). */
    protected abstract boolean lockIsFree();

    protected interface HeldLock extends AutoCloseable {
        String holderPid();

        @Override
        void close();
    }

    @BeforeEach
    void setUp() {
        db = newDatabase();
        project = new Project(tmp, db.url());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    protected static void ok(LaunchResult r) {
        assertEquals(0, r.exitCode(), () -> "exit " + r.exitCode() + "\nstdout:\n" + r.getOutput() + "\nstderr:\n" + r.getErrorOutput());
    }

    protected DatabaseUrl url() {
        return Flavors.parse(db.url(), System.getenv(), tmp);
    }

    /** r01 creates run_log; every revision creates its own table and logs itself there. */
    private void loggingRevisions() {
        for (int i = 1; i <= REVISIONS; i++) {
            String id = String.format("r%02d", i);
            String down = i == 1 ? null : String.format("r%02d", i - 1);
            String up = (i == 1 ? "CREATE TABLE run_log (revision VARCHAR(10) NOT NULL);\n" : "")
                    + "CREATE TABLE t_" + id + " (id INTEGER PRIMARY KEY);\n"
                    + "INSERT INTO run_log (revision) VALUES ('" + id + "');";
            project.sql(id, down, up, "DROP TABLE t_" + id + ";");
        }
    }

    /** One run through the engine API: the lock, then heads, plan and runner, as {@code migrate upgrade} does. */
    protected List<Step> upgrade(String target, Duration lockTimeout, Interruption interruption, Consumer<String> log) {
        ScriptDirectory scripts = ScriptDirectory.load(List.of(project.versions()));
        RevisionMap graph = new RevisionMap(scripts.revisions());
        DatabaseUrl url = url();
        VersionTable versions = new VersionTable(null, "alembic_version", Flavors.dialect(url.dialect()));
        LockedRun run = new LockedRun(() -> Flavors.of(url).lock(url, versions, () -> Flavors.open(url, () -> VERTX)), versions,
                lockTimeout, () -> Flavors.open(url, () -> VERTX), interruption, log);
        return run.run(heads -> !graph.upgrade(heads, target).isEmpty(), List::of, (session, current) -> new Migrator(session,
                Flavors.dialect(session.dialectName()), versions, true, scripts::byId, log).run(graph.upgrade(current, target)))
                .await().indefinitely();
    }

    @Test
    void concurrentRunsApplyEveryRevisionExactlyOnce() throws Exception {
        loggingRevisions();
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        try {
            List<Callable<List<Step>>> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) runs.add(() -> upgrade("head", Duration.ofSeconds(120), new Interruption(), line -> { }));
            int applied = 0;
            for (Future<List<Step>> f : pool.invokeAll(runs)) applied += f.get().size();
            assertEquals(REVISIONS, applied, "the ten runs together applied each revision once");
        } finally {
            pool.shutdownNow();
        }
        List<List<String>> log = db.query("SELECT revision FROM run_log ORDER BY revision");
        assertEquals(REVISIONS, log.size(), log.toString());
        Set<String> distinct = new HashSet<>();
        for (List<String> row : log) distinct.add(row.get(0));
        assertEquals(REVISIONS, distinct.size());
        assertEquals(REVISIONS + 1, db.tables().size(), db.tables().toString());
        assertEquals(List.of(List.of("r30")), db.query("SELECT version_num FROM alembic_version"));
    }

    @Test
    void waitersFindNothingLeftToDo(QuarkusMainLauncher launcher) {
        loggingRevisions();
        ok(project.run(launcher, "upgrade", "head"));
        LaunchResult again = project.run(launcher, "upgrade", "head", "--lock-timeout", "5s");
        ok(again);
        assertTrue(again.getErrorOutput().contains("Nothing to upgrade"), again.getErrorOutput());
    }

    @Test
    void aHeldLockTimesOutNamingItsHolder(QuarkusMainLauncher launcher) {
        loggingRevisions();
        LaunchResult r;
        String pid;
        try (HeldLock held = holdLock()) {
            pid = held.holderPid();
            r = project.run(launcher, "upgrade", "head", "--lock-timeout", "1s");
        }
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        String err = r.getErrorOutput();
        assertTrue(err.contains("could not take the migration lock within 1s"), err);
        assertTrue(err.contains("held by pid " + pid), err);
        assertTrue(err.contains("Waiting for the migration lock"), err);
        assertFalse(db.tables().contains("run_log"), "nothing ran");
        ok(project.run(launcher, "upgrade", "head", "--lock-timeout", "1s"));
        assertEquals(REVISIONS, db.query("SELECT revision FROM run_log").size());
    }

    @Test
    void theLockTimeoutComesFromTheConfigurationUnlessTheCommandLineSaysOtherwise(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "lock_timeout: 0s\n");
        loggingRevisions();
        try (HeldLock held = holdLock()) {
            LaunchResult r = project.run(launcher, "stamp", "r01");
            assertEquals(1, r.exitCode(), r.getErrorOutput());
            assertTrue(r.getErrorOutput().contains("could not take the migration lock within 0s"), r.getErrorOutput());
            LaunchResult up = project.run(launcher, "upgrade", "head", "--lock-timeout", "200ms");
            assertEquals(1, up.exitCode(), up.getErrorOutput());
            assertTrue(up.getErrorOutput().contains("could not take the migration lock within 200ms"), up.getErrorOutput());
            // With nothing to do, a run takes no lock at all.
            ok(project.run(launcher, "downgrade", "base"));
        }
        ok(project.run(launcher, "stamp", "r01"));
    }

    @Test
    void theLockIsReleasedAfterAFailedRevision(QuarkusMainLauncher launcher) {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "SELECT 1;");
        LaunchResult first = project.run(launcher, "upgrade", "head");
        assertEquals(1, first.exitCode(), first.getErrorOutput());
        assertTrue(lockIsFree(), "the failed run released the lock");
        LaunchResult second = project.run(launcher, "upgrade", "head", "--lock-timeout", "0s");
        assertEquals(1, second.exitCode(), second.getErrorOutput());
        assertTrue(second.getErrorOutput().contains("revision b2"), second.getErrorOutput());
        assertFalse(second.getErrorOutput().contains("migration lock"), second.getErrorOutput());
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
    }

    @Test
    void anInterruptedRunRollsBackReleasesTheLockAndSaysWhatStayed() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE orders (id INTEGER PRIMARY KEY);", "DROP TABLE orders;");
        Interruption interruption = new Interruption();
        // The request arrives as a1 completes, the way a signal lands between two revisions.
        Consumer<String> log = line -> {
            if (line.contains("-> a1")) interruption.request();
        };
        RunInterrupted e = assertThrows(RunInterrupted.class, () -> upgrade("head", Duration.ofSeconds(5), interruption, log));
        assertEquals(RunInterrupted.EXIT_STATUS, e.exitCode());
        assertTrue(e.getMessage().contains("the database stays at a1 (it was at <base> before this run)"), e.getMessage());
        assertEquals(e.getMessage(), interruption.awaitOutcome(Duration.ZERO).orElseThrow());
        assertEquals(Set.of("accounts"), db.tables());
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
        assertTrue(lockIsFree());
    }

    @Test
    void anInterruptionWhileWaitingForTheLockChangesNothing() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        Interruption interruption = new Interruption();
        try (HeldLock held = holdLock()) {
            Consumer<String> log = line -> {
                if (line.startsWith("Waiting for the migration lock")) interruption.request();
            };
            RunInterrupted e = assertThrows(RunInterrupted.class, () -> upgrade("head", Duration.ofSeconds(60), interruption, log));
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        }
        assertFalse(db.tables().contains("accounts"));
        assertTrue(lockIsFree());
    }
}
