package dev.migrate;

import static dev.migrate.support.Outcomes.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.migrate.core.Flavors;
import dev.migrate.core.Application;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.offline.OfflineMigrator;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.support.CountingDatabase;
import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * How a run uses transactions, on each engine: what a failure leaves applied and how its message
 * says so, statements that must run outside a transaction, revisions read before anything runs,
 * and the same statements live as in the offline script.
 */
public abstract class TransactionScenarios extends EngineTestBase {
    /** A statement this engine refuses inside a transaction, on the {@code accounts (id)} table. */
    protected abstract String statementThatRunsAlone();

    protected List<String> versions() {
        return db.query("SELECT version_num FROM alembic_version ORDER BY version_num").stream().map(r -> r.get(0)).toList();
    }

    private void accounts() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
    }

    @Test
    void aFailureInItsOwnTransactionSaysTheRevisionRolledBackAndWhatStayed(QuarkusMainLauncher launcher) {
        accounts();
        project.sql("b2", "a1", "CREATE TABLE half (id INTEGER);\nINSERT INTO missing_table VALUES (1);", "DROP TABLE half;");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains("the revision was rolled back; the revision before it (a1) stays applied;"
                + " the database is at a1"), err);
    }

    @Test
    void aFailedDowngradeSaysWhatWasUnAppliedAndWhereTheDatabaseIs(QuarkusMainLauncher launcher) {
        project.sql("e0000001", null, "CREATE TABLE accounts (id INTEGER);", "INSERT INTO missing_table VALUES (1);");
        project.sql("e0000002", "e0000001", "CREATE TABLE a2 (id INTEGER);", "DROP TABLE a2;");
        project.sql("e0000003", "e0000002", "CREATE TABLE a3 (id INTEGER);", "DROP TABLE a3;");
        ok(project.run(launcher, "upgrade", "head"));
        String err = fails(project.run(launcher, "downgrade", "base"), 1);
        assertTrue(err.contains("the revision was rolled back; the 2 revisions this run un-applied before it"
                + " (down to e0000002) stay so; the database is at e0000001"), err);
        assertFalse(err.contains("stays applied"), err);
        assertEquals(List.of("e0000001"), versions());
    }

    @Test
    void aFirstRevisionFailingSaysNothingOfTheRunStayed(QuarkusMainLauncher launcher) {
        project.sql("a1", null, "INSERT INTO missing_table VALUES (1);", "SELECT 1;");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains("the revision was rolled back; no revision of this run was applied before it"), err);
    }

    @Test
    void aFailureOutsideATransactionNamesTheStatementsThatStayApplied(QuarkusMainLauncher launcher) {
        accounts();
        Path b2 = project.sql("b2", "a1", "-- transactional: false\n", "CREATE TABLE half (id INTEGER);\n"
                + "CREATE TABLE half_too (id INTEGER);\nINSERT INTO missing_table VALUES (1);", "DROP TABLE half;");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains(b2.getFileName() + ":9"), err);
        assertTrue(err.contains("the revision runs outside a transaction (transactional: false), so nothing of it was"
                + " rolled back: its statements before this one stay applied (lines 7, 8), and it is not recorded as applied;"
                + " the revision before it (a1) stays applied"), err);
        assertEquals(Set.of("accounts", "half", "half_too"), db.tables());
        assertEquals(List.of("a1"), versions());
    }

    @Test
    void aFirstStatementFailingOutsideATransactionLeftNothing(QuarkusMainLauncher launcher) {
        project.sql("a1", null, "-- transactional: false\n", "INSERT INTO missing_table VALUES (1);", "SELECT 1;");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains("none of its statements took effect, and it is not recorded as applied;"
                + " no revision of this run was applied before it"), err);
    }

    @Test
    void inOneTransactionAFailureSaysEverythingWasRolledBack(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "transaction_per_migration: false\n");
        accounts();
        project.sql("b2", "a1", "INSERT INTO missing_table VALUES (1);", "SELECT 1;");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains("the run was one transaction (transaction_per_migration: false) and was rolled back whole:"
                + " nothing of this run stayed applied"), err);
        assertFalse(err.contains("stay applied"), err);
        assertEquals(Set.of(), db.tables());
    }

    @Test
    void inOneTransactionAStatementThatRunsAloneCommitsWhatCameBefore(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "transaction_per_migration: false\n");
        accounts();
        project.sql("b2", "a1", statementThatRunsAlone() + ";", "SELECT 1;");
        project.sql("c3", "b2", "CREATE TABLE orders (id INTEGER);", "DROP TABLE orders;");
        LaunchResult r = project.run(launcher, "upgrade");
        ok(r);
        assertTrue(r.getErrorOutput().contains("revision b2 runs outside a transaction (line 6 cannot run inside a transaction);"
                + " the revisions before it were committed first"), r.getErrorOutput());
        assertEquals(List.of("c3"), versions());
        assertEquals(Set.of("accounts", "orders"), db.tables());

        ok(project.run(launcher, "downgrade", "base"));
        project.sql("d4", "c3", "INSERT INTO missing_table VALUES (1);", "SELECT 1;");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains("the run was one transaction (transaction_per_migration: false) and was rolled back to its"
                + " last commit, made before a revision that runs outside a transaction; the 2 revisions this run applied"
                + " before it (up to b2) stay applied"), err);
        assertEquals(List.of("b2"), versions());
        assertEquals(Set.of("accounts"), db.tables());
    }

    @Test
    void aFailedCommitIsReportedWithTheRevision(QuarkusMainLauncher launcher) {
        accounts();
        Path b2 = project.sql("b2", "a1", "CREATE TABLE child (account_id INTEGER REFERENCES accounts (id)"
                + " DEFERRABLE INITIALLY DEFERRED);\nINSERT INTO child VALUES (42);", "DROP TABLE child;");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains("revision b2 (revision b2) failed at " + b2 + " while running COMMIT"), err);
        assertTrue(err.contains("the revision was rolled back; the revision before it (a1) stays applied"), err);
        assertEquals(List.of("a1"), versions());
        assertEquals(Set.of("accounts"), db.tables());
    }

    @Test
    void aVersionTableThatDoesNotMatchIsReportedWithTheRevision(QuarkusMainLauncher launcher) {
        accounts();
        Path b2 = project.sql("b2", "a1", "DELETE FROM alembic_version;", "SELECT 1;");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains("revision b2 (revision b2) failed at " + b2 + " while updating the version table alembic_version"), err);
        assertTrue(err.contains("expected to match one row when updating 'a1' to 'b2'; 0 matched"), err);
        assertTrue(err.contains("the revision was rolled back"), err);
        assertEquals(List.of("a1"), versions());

        project.sql("b2", "a1", "-- transactional: false\n", "DELETE FROM alembic_version;", "SELECT 1;");
        String outside = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(outside.contains("all its statements stay applied, but recording it failed and was rolled back,"
                + " so it is not recorded as applied"), outside);
        assertEquals(List.of(), versions());
    }

    @Test
    void aBadRevisionAnywhereInThePlanFailsBeforeAnythingRuns(QuarkusMainLauncher launcher) {
        accounts();
        project.sql("b2", "a1", "CREATE TABLE orders (id INTEGER);", "DROP TABLE orders;");
        Path c3 = project.file("c3_rev.yaml", "revision: c3\ndown_revision: b2\nupgrade:\n"
                + "  - create_table: {table: t, columns: [{name: id, type: integer}]}\n"
                + "  - drop_everything: {table: t}\n");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains(c3 + ":5: unknown operation 'drop_everything'"), err);
        assertTrue(err.contains("nothing was applied"), err);
        assertEquals(Set.of(), db.tables());
        assertFalse(db.hasTable("alembic_version"), "not even the version table was created");
    }

    @Test
    void anExecuteWithSeveralStatementsRunsEachOfThem(QuarkusMainLauncher launcher) {
        project.file("a1_rev.yaml", "revision: a1\ndown_revision: null\nupgrade:\n"
                + "  - execute: \"CREATE TABLE x (id INTEGER); CREATE TABLE y (id INTEGER);\"\n"
                + "downgrade:\n  - execute: \"DROP TABLE x; DROP TABLE y\"\n");
        Path b2 = project.file("b2_rev.yaml", "revision: b2\ndown_revision: a1\nupgrade:\n"
                + "  - execute: |\n"
                + "      CREATE TABLE z (id INTEGER);\n"
                + "      INSERT INTO missing_table VALUES (1);\n"
                + "downgrade: []\n");
        ok(project.run(launcher, "upgrade", "a1"));
        assertEquals(Set.of("x", "y"), db.tables());
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains(b2 + ":6"), err);
        assertTrue(err.contains("statement: INSERT INTO missing_table VALUES (1)"), err);
        assertEquals(Set.of("x", "y"), db.tables());
        ok(project.run(launcher, "downgrade", "base"));
        assertEquals(Set.of(), db.tables());
    }

    @Test
    void reservedWordsNameTheToolsTables(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "version_table: order\nhistory_table: group\n");
        accounts();
        ok(project.run(launcher, "upgrade"));
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM \"order\""));
        assertEquals(List.of(List.of("a1", "upgrade")), db.query("SELECT revision, direction FROM \"group\""));
        LaunchResult current = project.run(launcher, "current");
        ok(current);
        assertEquals("a1 (head)", current.getOutput().strip());
        ok(project.run(launcher, "validate"));
        ok(project.run(launcher, "downgrade", "base"));
        assertEquals(List.of(), db.query("SELECT version_num FROM \"order\""));
    }

    private static final String HISTORY = "migrate_history";
    /** A history row, up to its checksum: the rest (start, duration, user) the live run measures and the script asks the server for. */
    private static final Pattern HISTORY_ROW = Pattern.compile(
            "(?s)(INSERT INTO " + HISTORY + " \\(.*?\\) VALUES \\('[^']*', '[^']*', '[^']*'), .*");
    /** A version change that checks its row count on the server, as a pipelined run sends it. */
    private static final Pattern CHECKED_CHANGE = Pattern.compile(
            "(?s)WITH changed AS \\((.*) RETURNING 1\\) SELECT 1 / \\(count\\(\\*\\) = 1\\)::int FROM changed");

    /** What undoes {@link #statementThatRunsAlone()}, also refused inside a transaction. */
    protected abstract String undoStatementThatRunsAlone();

    /** What the session runs on connecting, which the script writes first: before the recording starts live. */
    protected abstract List<String> sessionSetUp();

    /**
     * The live run and the offline script follow one run plan: for the same steps, the statements
     * sent to the database and those the script prints are the same sequence, once what only a live
     * run can add is set aside ({@link #live}).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theLiveRunSendsWhatTheOfflineScriptPrints() {
        sameSequences(true);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void inOneTransactionTheLiveRunSendsWhatTheOfflineScriptPrints() {
        sameSequences(false);
    }

    /** Upgrades through a revision that runs alone, a downgrade back through it, and a stamp. */
    private void sameSequences(boolean perRevision) {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE notes (id INTEGER);\nINSERT INTO notes (id) VALUES (1);", "DROP TABLE notes;");
        project.sql("c3", "b2", statementThatRunsAlone() + ";", undoStatementThatRunsAlone() + ";");
        project.sql("d4", "c3", "CREATE TABLE tags (id INTEGER);", "DROP TABLE tags;");
        ScriptDirectory scripts = ScriptDirectory.load(List.of(project.versions()));
        RevisionMap graph = new RevisionMap(scripts.revisions());
        CountingDatabase session = new CountingDatabase(db.open());
        Dialect dialect = Flavors.dialect(session.dialectName());
        VersionTable versions = new VersionTable(null, "alembic_version", dialect);
        HistoryTable history = new HistoryTable(null, HISTORY, "9.9.9", dialect);
        Supplier<OfflineMigrator> offline = () -> new OfflineMigrator(dialect, versions, history, perRevision, scripts::byId, line -> { });
        Migrator live = new Migrator(session, dialect, versions, history, perRevision, scripts::byId, line -> { });
        try {
            List<Step> up = graph.upgrade(List.of(), "head");
            String script = offline.get().migrate(List.of(), up);
            List<String> sent = sent(session, () -> live.run(up).await().indefinitely());
            assertEquals(statements(script), live(sent), "upgrade from base");

            List<Step> down = graph.downgrade(List.of("d4"), "a1");
            script = offline.get().migrate(List.of("d4"), down);
            sent = sent(session, () -> live.run(down).await().indefinitely());
            assertEquals(withoutOwnTables(statements(script)), withoutOwnTables(live(sent)), "downgrade through the revision that runs alone");

            List<String> next = graph.stamp(List.of("a1"), List.of("head"), false);
            script = offline.get().stamp(List.of("a1"), Application.stampChanges(List.of("a1"), next), false);
            sent = sent(session, () -> live.stamp(Application.stampChanges(List.of("a1"), next), false).await().indefinitely());
            assertEquals(withoutOwnTables(statements(script)), withoutOwnTables(live(sent)), "stamp");
        } finally {
            session.close().await().indefinitely();
        }
    }

    /** What {@code run} sends through the session. */
    private static List<String> sent(CountingDatabase session, Runnable run) {
        int before = session.sent().size();
        run.run();
        return session.sent().subList(before, session.sent().size());
    }

    /** The script's statements, its comments left out, what the session runs on connecting taken off its start. */
    private List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String sql : script.replaceAll("(?m)^-- .*\n", "").split(";\n\n")) {
            if (!sql.isBlank()) out.add(normalized(sql.strip()));
        }
        assertEquals(sessionSetUp(), out.subList(0, sessionSetUp().size()), script);
        return out.subList(sessionSetUp().size(), out.size());
    }

    /**
     * The statements sent live, without what only a live run does: asking whether the tool's tables
     * exist (the script creates them IF NOT EXISTS), committing all but the run's last transaction
     * without waiting for the WAL flush, noting when a step starts in the run's one transaction, and
     * checking a version change's row count on the server.
     */
    private static List<String> live(List<String> sent) {
        List<String> out = new ArrayList<>();
        for (String sql : sent) {
            if (sql.startsWith("tableExists ") || sql.equals("SET LOCAL synchronous_commit = off")
                    || sql.startsWith("SELECT set_config('migrate.step_started'")) {
                continue;
            }
            Matcher checked = CHECKED_CHANGE.matcher(sql);
            out.add(normalized(checked.matches() ? checked.group(1) : sql));
        }
        return out;
    }

    private static String normalized(String sql) {
        Matcher row = HISTORY_ROW.matcher(sql);
        return row.matches() ? row.group(1) + ", ...)" : sql;
    }

    /**
     * Without the creation of the tool's tables: past base, live asks whether they exist and the
     * script creates the history table IF NOT EXISTS, as it cannot ask.
     */
    private static List<String> withoutOwnTables(List<String> statements) {
        return statements.stream().filter(sql -> !sql.startsWith("CREATE TABLE IF NOT EXISTS alembic_version")
                && !sql.startsWith("CREATE TABLE IF NOT EXISTS " + HISTORY)).toList();
    }
}
