package dev.migrate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.PackagedApp;
import dev.migrate.support.PackagedApp.Running;
import dev.migrate.support.Project;
import dev.migrate.support.TestDatabase;

/**
 * The packaged application as separate processes, the way replicas of a container start it:
 * ten at once on a fresh database, one killed with SIGKILL in the middle of a revision, one
 * stopped with SIGTERM. Subclassed once per engine; each subclass says how to make a revision
 * run long and how to see from outside that a process is inside it.
 */
public abstract class ProcessScenarios {
    protected static final int REVISIONS = 30;
    protected static final int PROCESSES = 10;
    private static final Pattern RUNNING = Pattern.compile("^Running upgrade \\S+ -> (\\S+),", Pattern.MULTILINE);

    @TempDir
    protected Path tmp;

    protected TestDatabase db;
    protected Project project;

    protected abstract TestDatabase newDatabase();

    /** A statement that runs for about {@code ${x.pause}} seconds; {@code -x pause=0} makes it quick. */
    protected abstract String longStatement();

    /** Returns once {@code run} is inside revision b2, between its two CREATE TABLE statements. */
    protected abstract void awaitInsideLongRevision(Running run) throws Exception;

    @BeforeEach
    void setUp() {
        db = newDatabase();
        project = new Project(tmp.resolve("project"), db.url());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    protected Running start(String name, String... args) {
        List<String> all = new ArrayList<>(List.of("-c", project.dir().resolve("migrate.yaml").toString()));
        all.addAll(List.of(args));
        return PackagedApp.start(tmp, name, all);
    }

    /** Each upgrade-history row as "revision direction", sorted. */
    private List<String> historyRows() {
        return db.query("SELECT revision, direction FROM migrate_history ORDER BY revision, id").stream()
                .map(r -> r.get(0) + " " + r.get(1)).toList();
    }

    private List<String> versions() {
        return db.query("SELECT version_num FROM alembic_version").stream().map(r -> r.get(0)).toList();
    }

    @Test
    void tenProcessesAtOnceApplyEveryRevisionExactlyOnce() {
        List<String> expectedHistory = new ArrayList<>();
        Set<String> expectedTables = new TreeSet<>();
        for (int i = 1; i <= REVISIONS; i++) {
            String id = String.format("r%02d", i);
            project.sql(id, i == 1 ? null : String.format("r%02d", i - 1),
                    "CREATE TABLE t_" + id + " (id INTEGER PRIMARY KEY);\nINSERT INTO t_" + id + " (id) VALUES (" + i + ");",
                    "DROP TABLE t_" + id + ";");
            expectedHistory.add(id + " upgrade");
            expectedTables.add("t_" + id);
        }
        List<Running> runs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) runs.add(start("run" + i, "upgrade", "head", "--lock-timeout", "300s"));
        List<String> applied = new ArrayList<>();
        for (Running run : runs) {
            assertEquals(0, run.await(300), run::describe);
            Matcher m = RUNNING.matcher(run.err());
            while (m.find()) applied.add(m.group(1));
        }
        assertEquals(REVISIONS, applied.size(), () -> "revisions run by all processes together: " + applied);
        assertEquals(REVISIONS, new TreeSet<>(applied).size(), applied::toString);
        assertEquals(expectedHistory, historyRows());
        assertEquals(expectedTables, new TreeSet<>(db.tables()));
        for (int i = 1; i <= REVISIONS; i++) {
            assertEquals(List.of(List.of(String.valueOf(i))), db.query(String.format("SELECT id FROM t_r%02d", i)));
        }
        assertEquals(List.of("r30"), versions());
    }

    /** a1, then b2 which pauses between two CREATE TABLEs in its transaction, then c3. */
    private void revisionWithAPause() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE half_a (id INTEGER);\n" + longStatement() + ";\nCREATE TABLE half_b (id INTEGER);",
                "DROP TABLE half_b;\nDROP TABLE half_a;");
        project.sql("c3", "b2", "CREATE TABLE orders (id INTEGER PRIMARY KEY);", "DROP TABLE orders;");
    }

    /** Applied once each, in order; the schema complete. */
    private void assertCompleteOnce() {
        assertEquals(List.of("a1 upgrade", "b2 upgrade", "c3 upgrade"), historyRows());
        assertEquals(List.of("c3"), versions());
        assertEquals(Set.of("accounts", "half_a", "half_b", "orders"), new TreeSet<>(db.tables()));
    }

    @Test
    void aRunKilledMidRevisionLeavesNothingHalfDoneAndTheNextRunCompletes() throws Exception {
        revisionWithAPause();
        Running killed = start("killed", "upgrade", "head", "-x", "pause=" + killPause());
        awaitInsideLongRevision(killed);
        killed.process().destroyForcibly();
        assertEquals(137, killed.await(30), killed::describe);

        assertEquals(List.of("a1 upgrade"), historyRows());
        Running next = start("next", "upgrade", "head", "-x", "pause=0", "--lock-timeout", "120s");
        assertEquals(0, next.await(180), next::describe);
        assertTrue(next.err().contains("Running upgrade a1 -> b2"), next::describe);
        assertFalse(next.err().contains("Running upgrade <base> -> a1"), next::describe);
        assertCompleteOnce();
    }

    /** Seconds the killed run's long statement lasts: long enough to be killed inside it, short where the server outlives the client. */
    protected int killPause() {
        return 60;
    }

    @Test
    void sigtermMidRevisionRollsBackReleasesTheLockAndExitsNonZero() throws Exception {
        revisionWithAPause();
        Running stopped = start("stopped", "upgrade", "head", "-x", "pause=60");
        awaitInsideLongRevision(stopped);
        long signalled = System.nanoTime();
        stopped.process().destroy();
        int status = stopped.await(60);
        long stopMillis = (System.nanoTime() - signalled) / 1_000_000;
        assertEquals(143, status, stopped::describe);
        assertTrue(stopMillis < 10_000, () -> "stopping took " + stopMillis + " ms\n" + stopped.describe());
        String err = stopped.err();
        assertTrue(err.contains("interrupted: the open transaction was rolled back and the migration lock released;"
                + " the database stays at a1 (it was at <base> before this run)"), stopped::describe);
        assertFalse(err.contains("Exception"), stopped::describe);
        assertEquals(List.of("a1 upgrade"), historyRows());
        assertEquals(List.of("a1"), versions());
        assertEquals(Set.of("accounts"), new TreeSet<>(db.tables()));

        // The lock is free at once: a run that may not wait for it proceeds.
        Running next = start("next", "upgrade", "head", "-x", "pause=0", "--lock-timeout", "0s");
        assertEquals(0, next.await(120), next::describe);
        assertCompleteOnce();
    }

    @Test
    void theOutputIsTheToolsOwn() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        Running run = start("run", "upgrade", "head");
        assertEquals(0, run.await(120), run::describe);
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run::describe);
        assertTrue(lines.get(0).startsWith("Migrating "), run::describe);
        assertTrue(lines.get(1).startsWith("Running upgrade <base> -> a1, revision a1 ("), run::describe);
        assertEquals("", run.out(), run::describe);
        Running current = start("current", "current");
        assertEquals(0, current.await(120), current::describe);
        assertEquals("a1 (head)\n", current.out(), current::describe);
        assertEquals("", current.err(), current::describe);
    }
}
