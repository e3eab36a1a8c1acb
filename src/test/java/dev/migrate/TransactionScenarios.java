package dev.migrate;

import static dev.migrate.support.Outcomes.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * How a run uses transactions, on each engine: what a failure leaves applied and how its message
 * says so, statements that must run outside a transaction, revisions read before anything runs.
 */
public abstract class TransactionScenarios extends EngineTestBase {
    /** A statement this engine refuses inside a transaction, on the {@code accounts (id)} table. */
    protected abstract String statementThatRunsAlone();

    protected abstract String tableExistsQuery(String table);

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
        assertTrue(db.query(tableExistsQuery("alembic_version")).isEmpty(), "not even the version table was created");
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
}
