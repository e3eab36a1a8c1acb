package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.api.AppliedStep;
import dev.migrate.api.Migrate;
import dev.migrate.config.DdlLockSettings;
import dev.migrate.core.Flavors;
import dev.migrate.dialect.Dialect;
import dev.migrate.errors.MigrationFailed;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.api.MigrationResult;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Lock-aware DDL against a real competing transaction: a second session that read {@code accounts}
 * and keeps its transaction open, as a long report or a forgotten {@code BEGIN} does. Without a
 * limit the migration's ALTER queues behind it and the application's queries queue behind the
 * ALTER; with one, the ALTER gives up, rolls back, lets them through, and runs again until the
 * holder is gone. Every wait is bounded: the holder is let go in {@code finally}, and each test
 * has a timeout.
 */
@QuarkusMainTest
class PostgresDdlLockTest {
    private static final String HOLDER = "ddllock-holder";
    private static final long AWAIT_SECONDS = 30;

    @TempDir
    Path tmp;

    private PostgresTestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = new PostgresTestDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /** a1 creates accounts; b2 adds a column to it, which needs an ACCESS EXCLUSIVE lock. */
    private Project project(String settings) {
        Project p = new Project(tmp, db.url(), settings);
        p.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);\nINSERT INTO accounts VALUES (1);", "DROP TABLE accounts;");
        p.sql("b2", "a1", "ALTER TABLE accounts ADD COLUMN email VARCHAR(200);", "ALTER TABLE accounts DROP COLUMN email;");
        return p;
    }

    private static void ok(LaunchResult r) {
        assertEquals(0, r.exitCode(), () -> "exit " + r.exitCode() + "\nstdout:\n" + r.getOutput() + "\nstderr:\n" + r.getErrorOutput());
    }

    /** A session with an open transaction that read accounts: it holds ACCESS SHARE on it until closed. */
    private final class Holder implements AutoCloseable {
        final Database session = db.open();
        final String pid;

        Holder() {
            session.execute("SET application_name = '" + HOLDER + "'").await().indefinitely();
            session.execute("BEGIN").await().indefinitely();
            session.query("SELECT count(*) FROM accounts").await().indefinitely();
            pid = session.query("SELECT pg_backend_pid()").await().indefinitely().get(0).get(0);
        }

        @Override
        public void close() {
            session.close().await().indefinitely();
        }
    }

    private CompletableFuture<MigrationResult> upgradeInBackground(Project p, BlockingQueue<String> progress) {
        Migrate m = Migrate.builder().config(p.dir().resolve("migrate.yaml")).progress(progress::add).build();
        return m.upgrade("head").subscribeAsCompletionStage().whenComplete((r, e) -> m.close());
    }

    /** Waits for a line containing {@code text} from the run, failing (not hanging) when none comes. */
    private static String awaitLine(BlockingQueue<String> progress, String text, CompletableFuture<?> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = progress.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) return line;
            if (line == null && run.isDone()) throw new AssertionError("the run ended before reporting '" + text + "': " + run.handle((r, e) -> e).get());
        }
        throw new AssertionError("no line with '" + text + "' within " + AWAIT_SECONDS + "s");
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + AWAIT_SECONDS + "s: " + what);
            Thread.sleep(50);
        }
    }

    private void assertAppliedOnce() {
        assertEquals(List.of(List.of("b2")), db.query("SELECT version_num FROM alembic_version"));
        assertEquals(List.of(List.of("1")), db.query("SELECT count(*) FROM migrate_history WHERE revision = 'b2'"));
        assertEquals(List.of("id", "email"), db.columns("accounts"));
    }

    /** What a test does while the holder holds and the upgrade to head runs in the background. */
    private interface WhileHeld {
        void run(Database app, Holder holder, BlockingQueue<String> progress, CompletableFuture<MigrationResult> upgrade)
                throws Exception;
    }

    /**
     * Applies a1, has the holder read accounts, starts the upgrade to head and runs {@code test}
     * with an application session of its own; the holder and that session end whatever happens,
     * so that the upgrade ends too. Then b2 must be applied once.
     */
    private void whileHeld(QuarkusMainLauncher launcher, String settings, WhileHeld test) throws Exception {
        Project p = project(settings);
        ok(p.run(launcher, "upgrade", "a1"));
        Database app = db.open();
        Holder holder = new Holder();
        try {
            BlockingQueue<String> progress = new LinkedBlockingQueue<>();
            test.run(app, holder, progress, upgradeInBackground(p, progress));
        } finally {
            holder.close();
            app.close().await().indefinitely();
        }
        assertAppliedOnce();
    }

    @Test
    @Timeout(120)
    void withoutALimitTheApplicationQueuesBehindTheMigration(QuarkusMainLauncher launcher) throws Exception {
        whileHeld(launcher, "ddl_lock_timeout: off\n", (app, holder, progress, run) -> {
            awaitTrue(() -> !db.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'ALTER TABLE accounts%'").isEmpty(),
                    "the migration's ALTER waits for the holder");
            String appPid = app.query("SELECT pg_backend_pid()").await().indefinitely().get(0).get(0);
            CompletableFuture<List<List<String>>> read = app.query("SELECT count(*) FROM accounts").subscribeAsCompletionStage();
            awaitTrue(() -> !db.query("SELECT 1 FROM pg_stat_activity WHERE pid = " + appPid + " AND wait_event_type = 'Lock'").isEmpty(),
                    "the application's query queues behind the waiting ALTER");
            assertFalse(read.isDone(), "the application is blocked while the holder holds");
            holder.close();
            assertEquals(List.of(List.of("1")), read.get(AWAIT_SECONDS, TimeUnit.SECONDS));
            run.get(AWAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(progress.stream().noneMatch(l -> l.contains("ddl_lock_timeout")), progress.toString());
        });
    }

    @Test
    @Timeout(120)
    void withALimitTheApplicationIsNotBlockedAndTheMigrationCompletesOnceTheHolderCommits(QuarkusMainLauncher launcher)
            throws Exception {
        whileHeld(launcher, "ddl_lock_timeout: 200ms\nddl_lock_retries: 50\n", PostgresDdlLockTest::retriesUntilReleased);
    }

    /** The run's one transaction is retried whole, as a revision's own is. */
    @Test
    @Timeout(120)
    void inTheRunsOneTransactionTheWholeRunIsRetried(QuarkusMainLauncher launcher) throws Exception {
        whileHeld(launcher, "ddl_lock_timeout: 200ms\nddl_lock_retries: 50\ntransaction_per_migration: false\n",
                PostgresDdlLockTest::retriesUntilReleased);
    }

    /**
     * a1 creates accounts; n2 creates notes, which the holder does not block; b3 adds a column to
     * accounts. In the run's one transaction n2 completes, b3 waits, and the whole run is retried.
     */
    private Project stepBeforeTheBlockedOne(String settings) {
        Project p = new Project(tmp, db.url(), settings);
        p.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);\nINSERT INTO accounts VALUES (1);", "DROP TABLE accounts;");
        p.sql("n2", "a1", "CREATE TABLE notes (id INTEGER PRIMARY KEY);", "DROP TABLE notes;");
        p.sql("b3", "n2", "ALTER TABLE accounts ADD COLUMN email VARCHAR(200);", "ALTER TABLE accounts DROP COLUMN email;");
        return p;
    }

    /**
     * The run's one transaction retried: each step is reported once, timed by the attempt that
     * committed (the --json results' elapsed_ms), not also by the attempt that rolled back.
     */
    @Test
    @Timeout(120)
    void inTheRunsOneTransactionARetriedStepIsTimedOnceByTheAttemptThatCommitted(QuarkusMainLauncher launcher) throws Exception {
        Project p = stepBeforeTheBlockedOne("");
        ok(p.run(launcher, "upgrade", "a1"));
        ScriptDirectory scripts = ScriptDirectory.load(List.of(p.versions()));
        Dialect dialect = Flavors.dialect("postgresql");
        VersionTable versions = new VersionTable(null, "alembic_version", dialect);
        BlockingQueue<String> progress = new LinkedBlockingQueue<>();
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        Database session = db.open();
        try (Holder holder = new Holder()) {
            Migrator migrator = new Migrator(session, dialect, versions, null, false, scripts::byId, progress::add,
                    new DdlLockSettings(Duration.ofMillis(200), 50, Duration.ZERO))
                    .onStepDone((step, ms) -> told.add(step.revision().id() + " " + ms));
            CompletableFuture<List<Step>> run = migrator
                    .run(new RevisionMap(scripts.revisions()).upgrade(List.of("a1"), "head")).subscribeAsCompletionStage();
            awaitLine(progress, "rolled back, retry 1 of 50", run);
            assertEquals(List.of(), told, "nothing is committed while the run's one transaction is retried");
            holder.close();
            assertEquals(List.of("n2", "b3"), run.get(AWAIT_SECONDS, TimeUnit.SECONDS).stream().map(s -> s.revision().id()).toList());
        } finally {
            session.close().await().indefinitely();
        }
        assertEquals(2, told.size(), told.toString());
        assertTrue(told.get(0).startsWith("n2 ") && told.get(1).startsWith("b3 "), told.toString());
    }

    /** Through the Java API (the application layer pairs each step with its timing): the retried run succeeds, each step once. */
    @Test
    @Timeout(120)
    void inTheRunsOneTransactionARetriedRunReportsEachStepOnce(QuarkusMainLauncher launcher) throws Exception {
        Project p = stepBeforeTheBlockedOne("ddl_lock_timeout: 200ms\nddl_lock_retries: 50\ntransaction_per_migration: false\n");
        ok(p.run(launcher, "upgrade", "a1"));
        BlockingQueue<String> progress = new LinkedBlockingQueue<>();
        CompletableFuture<MigrationResult> run;
        try (Holder holder = new Holder()) {
            run = upgradeInBackground(p, progress);
            awaitLine(progress, "rolled back, retry 1 of 50", run);
        }
        MigrationResult result = run.get(AWAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of("n2", "b3"), result.applied().stream().map(AppliedStep::revision).toList());
        assertEquals(List.of("b3"), result.current());
        assertEquals(List.of(List.of("n2"), List.of("b3")), db.query("SELECT revision FROM migrate_history WHERE revision <> 'a1' ORDER BY id"));
    }

    /** The first wait is reported naming the holder; the application's reads go through meanwhile; releasing ends the run. */
    private static void retriesUntilReleased(Database app, Holder holder, BlockingQueue<String> progress,
                                             CompletableFuture<MigrationResult> run) throws Exception {
        String waited = awaitLine(progress, "ddl_lock_timeout", run);
        assertTrue(waited.contains("revision b2: a statement waited 200ms (ddl_lock_timeout) for its lock on accounts;"
                + " rolled back, retry 1 of 50"), waited);
        String heldBy = progress.poll(AWAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(heldBy != null && heldBy.contains("held by pid " + holder.pid + " (application_name '" + HOLDER
                + "', idle in transaction, transaction open "), String.valueOf(heldBy));
        assertTrue(heldBy.contains("AccessShareLock on accounts): SELECT pg_backend_pid()"), heldBy);
        // While the migration keeps retrying, the application's reads go through: each waits at most one lock_timeout.
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            assertEquals(List.of(List.of("1")), app.query("SELECT count(*) FROM accounts").await()
                    .atMost(Duration.ofSeconds(AWAIT_SECONDS)));
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertTrue(ms < 2_000, "the application's read took " + ms + "ms");
        }
        assertFalse(run.isDone(), "the migration waits for the holder");
        holder.close();
        run.get(AWAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** A command's outcome while the holder held, and the holder's pid. */
    private record HeldRun(LaunchResult result, String holderPid) {
    }

    /** Applies a1, then runs {@code args} while the holder holds accounts; the holder ends before this returns. */
    private HeldRun whileHeld(QuarkusMainLauncher launcher, Project p, String... args) {
        ok(p.run(launcher, "upgrade", "a1"));
        try (Holder holder = new Holder()) {
            return new HeldRun(p.run(launcher, args), holder.pid);
        }
    }

    @Test
    @Timeout(120)
    void retriesExhaustedFailNamingTheHolderAndChangeNothing(QuarkusMainLauncher launcher) {
        Project p = project("ddl_lock_timeout: 100ms\nddl_lock_retries: 2\n");
        HeldRun held = whileHeld(launcher, p, "upgrade", "head");
        LaunchResult r = held.result();
        String pid = held.holderPid();
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        String err = r.getErrorOutput();
        assertTrue(err.contains("retry 1 of 2") && err.contains("retry 2 of 2") && !err.contains("retry 3"), err);
        assertTrue(err.contains("revision b2 (revision b2) failed at "), err);
        assertTrue(err.contains("[55P03] canceling statement due to lock timeout"), err);
        assertTrue(err.contains("a statement waited 100ms (ddl_lock_timeout) for its lock on accounts and gave up in 3 attempts;"
                + " held by pid " + pid + " (application_name '" + HOLDER + "'"), err);
        assertTrue(err.contains("raise ddl_lock_timeout or ddl_lock_retries in migrate.yaml"), err);
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
        assertEquals(List.of("id"), db.columns("accounts"));
        assertEquals(List.of(), db.query("SELECT 1 FROM migrate_history WHERE revision = 'b2'"));
        ok(p.run(launcher, "upgrade", "head"));
        assertAppliedOnce();
    }

    /** Also: --ddl-lock-timeout wins over the file. */
    @Test
    @Timeout(120)
    void quietRunsDoNotReportTheWaits(QuarkusMainLauncher launcher) {
        LaunchResult r = whileHeld(launcher, project("ddl_lock_timeout: off\nddl_lock_retries: 1\n"),
                "-q", "--ddl-lock-timeout", "100ms", "upgrade", "head").result();
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        assertFalse(r.getErrorOutput().contains("retry 1 of 1"), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("gave up in 2 attempts"), r.getErrorOutput());
    }

    /** A revision outside a transaction may have applied statements before the one that waited: it is not run again. */
    @Test
    @Timeout(120)
    void aRevisionOutsideATransactionIsNotRetried(QuarkusMainLauncher launcher) {
        Project p = project("ddl_lock_timeout: 100ms\nddl_lock_retries: 3\n");
        p.sql("b2", "a1", "-- transactional: false\n", "ALTER TABLE accounts ADD COLUMN email VARCHAR(200);",
                "ALTER TABLE accounts DROP COLUMN email;");
        LaunchResult r = whileHeld(launcher, p, "upgrade", "head").result();
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        String err = r.getErrorOutput();
        assertFalse(err.contains("retry 1"), err);
        assertTrue(err.contains("for its lock on accounts and gave up (a revision that runs outside a transaction"), err);
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
    }

    /**
     * A revision outside a transaction sets the limits on the session, not on a transaction: they are
     * reset after it, also when one of its statements fails, as the session may go on serving its
     * caller (the Java API's, a pooled connection). Its own values are what {@code RESET} returns to.
     */
    @Test
    void aRevisionOutsideATransactionLeavesTheSessionsOwnLimitsEvenWhenItFails() {
        Project p = new Project(tmp, db.url(), "");
        p.sql("a1", null, "-- transactional: false\n", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        p.sql("b2", "a1", "-- transactional: false\n", "CREATE TABLE half (id INTEGER);\nINSERT INTO missing_table VALUES (1);",
                "DROP TABLE half;");
        ScriptDirectory scripts = ScriptDirectory.load(List.of(p.versions()));
        RevisionMap graph = new RevisionMap(scripts.revisions());
        Dialect dialect = Flavors.dialect("postgresql");
        VersionTable versions = new VersionTable(null, "alembic_version", dialect);
        DdlLockSettings limits = new DdlLockSettings(Duration.ofMillis(1500), 0, Duration.ofSeconds(90));
        Database session = db.open(Map.of("lock_timeout", "7s", "statement_timeout", "11s"));
        try {
            Supplier<Migrator> migrator = () -> new Migrator(session, dialect, versions, null, true, scripts::byId, line -> { }, limits);
            List<List<String>> own = List.of(List.of("7s"), List.of("11s"));
            assertEquals(own, limitsOf(session));
            migrator.get().run(graph.upgrade(List.of(), "a1")).await().atMost(Duration.ofSeconds(AWAIT_SECONDS));
            assertEquals(own, limitsOf(session), "after a revision outside a transaction");
            MigrationFailed failed = assertThrows(MigrationFailed.class, () -> migrator.get().run(graph.upgrade(List.of("a1"), "b2"))
                    .await().atMost(Duration.ofSeconds(AWAIT_SECONDS)));
            assertTrue(failed.getMessage().contains("missing_table"), failed.getMessage());
            assertEquals(own, limitsOf(session), "after a revision outside a transaction whose statement failed");
        } finally {
            session.close().await().indefinitely();
        }
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
    }

    private static List<List<String>> limitsOf(Database session) {
        List<List<String>> out = new ArrayList<>();
        out.addAll(session.query("SHOW lock_timeout").await().atMost(Duration.ofSeconds(AWAIT_SECONDS)));
        out.addAll(session.query("SHOW statement_timeout").await().atMost(Duration.ofSeconds(AWAIT_SECONDS)));
        return out;
    }

    @Test
    @Timeout(120)
    void aStatementTimeoutIsReportedAsSuchAndNotRetried(QuarkusMainLauncher launcher) {
        Project p = project("statement_timeout: 300ms\n");
        p.sql("b2", "a1", "ALTER TABLE accounts ADD COLUMN email VARCHAR(200);\nSELECT pg_sleep(5);",
                "ALTER TABLE accounts DROP COLUMN email;");
        LaunchResult r = p.run(launcher, "upgrade", "head");
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        String err = r.getErrorOutput();
        assertTrue(err.contains("[57014] canceling statement due to statement timeout"), err);
        assertTrue(err.contains("the statement ran longer than 300ms (statement_timeout) and was canceled; it is not retried"), err);
        assertFalse(err.contains("retry 1"), err);
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
        assertEquals(List.of("id"), db.columns("accounts"));
    }

    @Test
    @Timeout(120)
    void theOfflineScriptSetsTheSameLimits(QuarkusMainLauncher launcher) {
        Project p = project("ddl_lock_timeout: 2m\nstatement_timeout: 1500ms\nhistory_table: null\n");
        p.sql("c3", "b2", "CREATE INDEX CONCURRENTLY ix_accounts_email ON accounts (email);", "DROP INDEX CONCURRENTLY ix_accounts_email;");
        LaunchResult r = p.run(launcher, "upgrade", "--sql", "a1:c3");
        ok(r);
        assertEquals("""
                -- Running upgrade a1 -> b2, revision b2
                BEGIN;

                SET LOCAL lock_timeout = '120s';

                SET LOCAL statement_timeout = '1500ms';

                ALTER TABLE accounts ADD COLUMN email VARCHAR(200);

                UPDATE alembic_version SET version_num = 'b2' WHERE version_num = 'a1';

                COMMIT;

                -- Running upgrade b2 -> c3, revision c3
                -- revision c3 runs outside a transaction (it holds a statement that cannot run in one)
                SET lock_timeout = '120s';

                SET statement_timeout = '1500ms';

                CREATE INDEX CONCURRENTLY ix_accounts_email ON accounts (email);

                RESET lock_timeout;

                RESET statement_timeout;

                BEGIN;

                UPDATE alembic_version SET version_num = 'c3' WHERE version_num = 'b2';

                COMMIT;

                """.stripTrailing(), r.getOutput());
        Project off = project("ddl_lock_timeout: off\nhistory_table: null\n");
        String none = off.run(launcher, "upgrade", "--sql", "a1:b2").getOutput();
        assertFalse(none.contains("lock_timeout") || none.contains("statement_timeout"), none);
        String sqlite = off.run(launcher, "upgrade", "--sql", "--dialect", "sqlite", "a1:b2").getOutput();
        assertFalse(sqlite.contains("lock_timeout"), "SQLite has no lock_timeout: " + sqlite);
    }
}
