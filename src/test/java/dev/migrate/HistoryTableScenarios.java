package dev.migrate;

import static dev.migrate.support.Outcomes.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Database;
import dev.migrate.engine.HistoryEntry;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.VersionTable;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.Checksum;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Outcomes;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The history table (README, "Running against a database"), {@code validate} and {@code history --applied}, on
 * every engine: one row per committed step, nothing for a step that rolled back, checksums that
 * ignore line endings and a byte order mark.
 */
public abstract class HistoryTableScenarios extends EngineTestBase {
    private static final String STARTED_AT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    /** Who the history table should name: the database role, or the operating-system user on SQLite. */
    protected abstract String expectedUser();

    /** {@code postgresql} or {@code sqlite}. */
    protected String dialect() {
        Database session = db.open();
        try {
            return session.dialectName();
        } finally {
            session.close().await().indefinitely();
        }
    }

    private Path a1;
    private Path b2;
    private Path c3;

    private void threeRevisions() {
        a1 = project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        b2 = project.sql("b2", "a1", "ALTER TABLE accounts ADD COLUMN email VARCHAR(200);", "ALTER TABLE accounts DROP COLUMN email;");
        c3 = project.sql("c3", "b2", "CREATE TABLE orders (id INTEGER PRIMARY KEY);", "DROP TABLE orders;");
    }

    private List<List<String>> rows() {
        return db.query("SELECT revision, direction, checksum, db_user, tool_version, message FROM migrate_history ORDER BY id");
    }

    private static String checksum(Path file) {
        try {
            return Checksum.of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toolVersion(QuarkusMainLauncher launcher) {
        String out = Outcomes.ok(project.run(launcher, "--version")).strip();
        assertTrue(out.startsWith("migrate "), out);
        return out.substring("migrate ".length());
    }

    @Test
    void everyCommittedStepIsLoggedWithItsChecksumUserAndToolVersion(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "upgrade", "b2"));
        ok(project.run(launcher, "downgrade", "-1"));
        String version = toolVersion(launcher);
        String user = expectedUser();
        assertEquals(List.of(
                List.of("a1", "upgrade", checksum(a1), user, version, "revision a1"),
                List.of("b2", "upgrade", checksum(b2), user, version, "revision b2"),
                List.of("b2", "downgrade", checksum(b2), user, version, "revision b2")), rows());
        for (List<String> r : db.query("SELECT duration_ms FROM migrate_history")) assertTrue(Long.parseLong(r.get(0)) >= 0, r.toString());
        assertEquals(List.of("id", "revision", "direction", "checksum", "started_at", "duration_ms", "db_user", "tool_version", "message"),
                db.columns("migrate_history"));
    }

    @Test
    void aRevisionThatRunsOutsideATransactionIsLoggedToo(QuarkusMainLauncher launcher) {
        project.file("a1_rev.sql", "-- revision: a1\n-- message: outside\n-- transactional: false\n\n"
                + "-- migrate:upgrade\nCREATE TABLE accounts (id INTEGER);\n\n-- migrate:downgrade\nDROP TABLE accounts;\n");
        LaunchResult r = project.run(launcher, "upgrade");
        ok(r);
        assertTrue(r.getErrorOutput().contains("runs outside a transaction"), r.getErrorOutput());
        assertEquals(List.of(List.of("a1", "upgrade")), db.query("SELECT revision, direction FROM migrate_history"));
    }

    @Test
    void aFailedRevisionLeavesNoRowBecauseItRolledBackWithIt(QuarkusMainLauncher launcher) {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE half (id INTEGER);\nINSERT INTO missing_table VALUES (1);", "DROP TABLE half;");
        assertEquals(1, project.run(launcher, "upgrade").exitCode());
        assertEquals(List.of(List.of("a1", "upgrade")), db.query("SELECT revision, direction FROM migrate_history ORDER BY id"));
    }

    @Test
    void aHistoryRowThatCannotBeWrittenRollsTheRevisionBack(QuarkusMainLauncher launcher) {
        threeRevisions();
        // The tool's own DDL, plus a constraint that refuses b2's row.
        db.execute(new HistoryTable(null, "migrate_history", "x", Flavors.dialect(dialect())).createSql().replace("message TEXT)",
                "message TEXT, CONSTRAINT no_b2 CHECK (revision <> 'b2'))"));
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains("revision b2 (revision b2) failed at " + project.versions().resolve("b2_rev.sql")
                + " while writing its row in the history table migrate_history"), err);
        assertTrue(err.contains("the revision was rolled back; the revision before it (a1) stays applied"), err);
        assertTrue(err.contains("no_b2"), err);
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
        assertEquals(List.of("id"), db.columns("accounts"));
        assertEquals(List.of(List.of("a1", "upgrade")), db.query("SELECT revision, direction FROM migrate_history"));
    }

    @Test
    void inOneTransactionAFailureLeavesTheLogEmpty(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "transaction_per_migration: false\n");
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "INSERT INTO missing_table VALUES (1);", "SELECT 1;");
        assertEquals(1, project.run(launcher, "upgrade").exitCode());
        assertEquals(List.of(), db.query("SELECT revision FROM migrate_history"));
    }

    @Test
    void currentNeverCreatesItAndEnsureVersionDoes(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "current"));
        assertFalse(db.hasTable("migrate_history"));
        ok(project.run(launcher, "ensure-version"));
        assertTrue(db.hasTable("migrate_history"));
        assertEquals(List.of(), rows());
    }

    @Test
    void historyTableNullDisablesTheLogAndTheCommandsThatReadIt(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "history_table: null\n");
        threeRevisions();
        ok(project.run(launcher, "ensure-version"));
        ok(project.run(launcher, "upgrade"));
        ok(project.run(launcher, "downgrade", "base"));
        assertFalse(db.hasTable("migrate_history"), "history_table: null must not create the table");
        assertTrue(fails(project.run(launcher, "validate"), 1).contains("history_table"));
        assertTrue(fails(project.run(launcher, "history", "--applied"), 1).contains("history_table"));
    }

    @Test
    void validatePassesUntilAnAppliedFileIsEdited(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "upgrade"));
        LaunchResult clean = project.run(launcher, "validate");
        ok(clean);
        assertEquals("all 3 applied revisions match their files", clean.getOutput().strip());

        write(b2, read(b2).replace("VARCHAR(200)", "VARCHAR(300)"));
        LaunchResult changed = project.run(launcher, "validate");
        assertEquals(3, changed.exitCode(), changed.getErrorOutput());
        String line = changed.getOutput().strip();
        assertTrue(line.startsWith("b2  changed  applied at "), line);
        assertTrue(line.matches("b2  changed  applied at " + STARTED_AT + "  .*b2_rev\\.sql"), line);
        assertTrue(changed.getErrorOutput().contains("1 of 3 applied revisions"), changed.getErrorOutput());

        LaunchResult json = project.run(launcher, "--json", "validate");
        assertEquals(3, json.exitCode());
        String out = json.getOutput().strip();
        assertTrue(out.startsWith("{\"valid\":false,\"checked\":3,\"mismatches\":[{\"revision\":\"b2\",\"status\":\"changed\",\"file\":\""), out);
        assertTrue(out.contains("b2_rev.sql\",\"applied_at\":\""), out);
        assertTrue(out.endsWith("\"unrecorded\":[]}"), out);
    }

    @Test
    void lineEndingsAndAByteOrderMarkAreNotAChange(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "upgrade"));
        write(a1, read(a1).replace("\n", "\r\n"));
        write(b2, "\uFEFF" + read(b2));
        write(c3, "\uFEFF" + read(c3).replace("\n", "\r"));
        LaunchResult r = project.run(launcher, "validate");
        ok(r);
        assertEquals("all 3 applied revisions match their files", r.getOutput().strip());
        LaunchResult up = project.run(launcher, "upgrade");
        ok(up);
        assertFalse(up.getErrorOutput().contains("WARNING"), up.getErrorOutput());
    }

    @Test
    void validateListsAnAppliedRevisionWhoseFileIsGone(QuarkusMainLauncher launcher) throws IOException {
        threeRevisions();
        ok(project.run(launcher, "upgrade"));
        Files.delete(c3);
        LaunchResult r = project.run(launcher, "validate");
        assertEquals(3, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().strip().matches("c3  missing  applied at " + STARTED_AT + "  .*"), r.getOutput());
        LaunchResult json = project.run(launcher, "--json", "validate");
        assertTrue(json.getOutput().contains("{\"revision\":\"c3\",\"status\":\"missing\",\"file\":null,"), json.getOutput());
    }

    @Test
    void onlyRevisionsStillAppliedAreCompared(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "upgrade"));
        ok(project.run(launcher, "downgrade", "-1"));
        write(c3, read(c3).replace("orders", "purchases"));
        LaunchResult r = project.run(launcher, "validate");
        ok(r);
        assertEquals("all 2 applied revisions match their files", r.getOutput().strip());
        ok(project.run(launcher, "upgrade"));
        ok(project.run(launcher, "validate"));
    }

    @Test
    void revisionsStampedWithoutRunningAreNotedAsUnrecorded(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "stamp", "b2"));
        ok(project.run(launcher, "upgrade"));
        LaunchResult r = project.run(launcher, "validate");
        ok(r);
        assertEquals("the 1 applied revision matches its file", r.getOutput().strip());
        assertTrue(r.getErrorOutput().contains("2 applied revisions have no recorded checksum"), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("a1, b2"), r.getErrorOutput());
    }

    @Test
    void upgradeWarnsAboutEveryAppliedRevisionWhoseFileChanged(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "upgrade", "b2"));
        write(a1, read(a1).replace("accounts (id INTEGER PRIMARY KEY)", "accounts (id INTEGER PRIMARY KEY, name TEXT)"));
        LaunchResult r = project.run(launcher, "upgrade");
        ok(r);
        String err = r.getErrorOutput();
        assertTrue(err.matches("(?s)WARNING: revision a1 was applied at " + STARTED_AT + " and its file .*a1_rev\\.sql has changed since;"
                + " run 'migrate validate'\\.\n.*"), err);
        assertFalse(err.contains("revision b2 was applied"), err);
        assertTrue(err.contains("Running upgrade b2 -> c3"), err);
        assertEquals(List.of(List.of("c3")), db.query("SELECT version_num FROM alembic_version"));
        // At head there is no work, and the history table is not read: validate is the check of a database at rest.
        assertFalse(project.run(launcher, "upgrade").getErrorOutput().contains("WARNING"));
        assertTrue(project.run(launcher, "downgrade", "-1").getErrorOutput().contains("WARNING: revision a1 was applied"));
    }

    @Test
    void theEngineLogsStepsWithoutTheCommandLine() {
        threeRevisions();
        ScriptDirectory scripts = ScriptDirectory.load(List.of(project.versions()));
        RevisionMap graph = new RevisionMap(scripts.revisions());
        Database session = db.open();
        Dialect dialect = Flavors.dialect(session.dialectName());
        HistoryTable history = new HistoryTable(null, "migrate_history", "9.9.9", dialect);
        try {
            Migrator migrator = new Migrator(session, dialect, new VersionTable(null, "alembic_version", dialect),
                    history, true, scripts::byId, line -> { });
            migrator.run(graph.upgrade(List.of(), "head")).await().indefinitely();
            migrator.run(graph.downgrade(List.of("c3"), "b2")).await().indefinitely();
            List<HistoryEntry> log = history.entries(session).await().indefinitely();
            assertEquals(List.of("c3:downgrade", "c3:upgrade", "b2:upgrade", "a1:upgrade"),
                    log.stream().map(e -> e.revision() + ":" + e.direction()).toList());
            HistoryEntry last = log.get(0);
            assertEquals(4, last.id());
            assertEquals(checksum(c3), last.checksum());
            assertEquals("9.9.9", last.toolVersion());
            assertEquals(expectedUser(), last.dbUser());
            assertTrue(last.startedAt().matches(STARTED_AT), last.startedAt());
            assertEquals(List.of("a1", "b2"), history.applied(session).await().indefinitely().stream().map(HistoryEntry::revision).toList());
        } finally {
            session.close().await().indefinitely();
        }
    }

    @Test
    void historyAppliedListsTheLogNewestFirst(QuarkusMainLauncher launcher) {
        threeRevisions();
        ok(project.run(launcher, "upgrade"));
        ok(project.run(launcher, "downgrade", "-1"));
        String version = toolVersion(launcher);
        String user = expectedUser();
        List<String> lines = Outcomes.ok(project.run(launcher, "history", "--applied")).strip().lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        String[] expected = {"c3  downgrade", "c3  upgrade  ", "b2  upgrade  ", "a1  upgrade  "};
        for (int i = 0; i < 4; i++) {
            assertTrue(lines.get(i).matches(expected[i].replace(" ", "\\s") + "\\s*" + STARTED_AT + "  \\d+ ms  "
                    + Pattern.quote(user + "  migrate " + version)), lines.get(i));
        }
        String json = Outcomes.ok(project.run(launcher, "--json", "history", "--applied")).strip();
        assertTrue(json.startsWith("[{\"id\":4,\"revision\":\"c3\",\"direction\":\"downgrade\",\"started_at\":\""), json);
        assertTrue(json.contains("\"user\":\"" + user + "\",\"tool_version\":\"" + version + "\",\"checksum\":\"" + checksum(c3)
                + "\",\"message\":\"revision c3\"}"), json);
        assertTrue(json.endsWith("\"message\":\"revision a1\"}]"), json);
        assertTrue(fails(project.run(launcher, "history", "--applied", "-r", "a1:"), 2).contains("--applied"));
    }

    @Test
    void historyAppliedOnAFreshDatabaseIsEmpty(QuarkusMainLauncher launcher) {
        threeRevisions();
        LaunchResult r = project.run(launcher, "history", "--applied");
        ok(r);
        assertEquals("", r.getOutput().strip());
        assertEquals("[]", Outcomes.ok(project.run(launcher, "--json", "history", "--applied")).strip());
        assertFalse(db.hasTable("migrate_history"));
    }
}
