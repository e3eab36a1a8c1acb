package dev.migrate;

import static dev.migrate.support.Outcomes.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.support.Project;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class SqliteMigrationTest extends MigrationScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    /** SQLite has no lock queue for these to shorten: limits no PostgreSQL statement could meet change nothing here. */
    @Test
    void ddlLockSettingsAreAcceptedAndIgnored(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "ddl_lock_timeout: 1ms\nddl_lock_retries: 0\nstatement_timeout: 1ms\n");
        threeRevisions();
        ok(project.run(launcher, "upgrade", "head"));
        ok(project.run(launcher, "--ddl-lock-timeout", "1ms", "downgrade", "base"));
        LaunchResult script = project.run(launcher, "upgrade", "--sql");
        ok(script);
        assertFalse(script.getOutput().contains("timeout"), script.getOutput());
    }

    @Test
    void theVersionTableIsTheOneAlembicCreates(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "ensure-version"));
        assertEquals(List.of(List.of("version_num", "VARCHAR(32)", "1", "1")),
                db.query("SELECT name, type, \"notnull\", pk FROM pragma_table_info('alembic_version')"));
        String ddl = db.query("SELECT sql FROM sqlite_master WHERE name = 'alembic_version'").get(0).get(0);
        assertTrue(ddl.contains("CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)"), ddl);
    }

    @Test
    void readingCommandsNeverCreateAMistypedDatabaseFile(QuarkusMainLauncher launcher) throws Exception {
        threeRevisions();
        Path typo = tmp.resolve("ap.db");
        String url = "sqlite:///" + typo.toAbsolutePath();
        Files.writeString(project.dir().resolve("migrations/schema.yaml"), "tables: {}\n");
        for (String[] command : List.of(new String[] {"current"}, new String[] {"history", "-i"},
                new String[] {"history", "--applied"}, new String[] {"validate"}, new String[] {"check"},
                new String[] {"inspect"}, new String[] {"history", "-r", "current:"})) {
            List<String> args = new ArrayList<>(List.of("--url", url));
            args.addAll(List.of(command));
            String err = fails(project.run(launcher, args.toArray(String[]::new)), 1);
            assertTrue(err.contains("the SQLite database " + typo + " does not exist (URL " + url + " from --url)"), err);
            assertFalse(Files.exists(typo), String.join(" ", command) + " created " + typo);
        }
        // A command that writes creates it, as before.
        ok(project.run(launcher, "--url", url, "ensure-version"));
        assertTrue(Files.exists(typo));
        ok(project.run(launcher, "--url", url, "current"));
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedInTheToolsWords(QuarkusMainLauncher launcher) throws Exception {
        threeRevisions();
        Path notes = tmp.resolve("notes.db");
        Files.writeString(notes, "these are my notes, not a database; ".repeat(40));
        for (String command : List.of("current", "upgrade")) {
            String err = fails(project.run(launcher, "--url", "sqlite:///" + notes.toAbsolutePath(), command), 1);
            assertTrue(err.contains("ERROR: SQLite database " + notes + ": the file is not a SQLite database (or is encrypted):"
                    + " check the URL's path ([SQLITE_26] "), err);
        }
        assertTrue(Files.readString(notes).startsWith("these are my notes"), "the file is left as it was");
    }
}
