package dev.migrate.config;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.CliTest;
import dev.migrate.support.Project;
import dev.migrate.support.SqliteTestDatabase;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@code url: ${VAR}} with VAR unset: the commands that need no URL from the file run, the others name the variable. */
@CliTest
class UnsetUrlVariableCommandTest {
    private static final String VARIABLE = "MIGRATE_TEST_NEVER_SET_URL";

    @TempDir
    Path tmp;

    private Project project;

    @BeforeEach
    void setUp() {
        assertEquals(null, System.getenv(VARIABLE));
        project = new Project(tmp.resolve("project"), "${" + VARIABLE + "}");
        project.sql("a1", null, "CREATE TABLE t (id INTEGER);", "DROP TABLE t;");
    }

    @Test
    void urlOnTheCommandLineReplacesIt(QuarkusMainLauncher launcher) {
        try (SqliteTestDatabase db = new SqliteTestDatabase()) {
            ok(project.run(launcher, "--url", db.url(), "upgrade", "head"));
            assertEquals("a1 (head)", ok(project.run(launcher, "--url", db.url(), "current")).strip());
        }
    }

    @Test
    void offlineSqlForANamedDialectDoesWithoutIt(QuarkusMainLauncher launcher) {
        String sql = ok(project.run(launcher, "upgrade", "--sql", "--dialect", "sqlite", "head"));
        assertTrue(sql.contains("CREATE TABLE t (id INTEGER);"), sql);
        assertTrue(sql.contains("alembic_version"), sql);
    }

    @Test
    void aCommandThatNeedsItNamesTheFileLineAndVariable(QuarkusMainLauncher launcher) {
        String err = fails(project.run(launcher, "current"), 1);
        assertTrue(err.contains("migrate.yaml:2: environment variable " + VARIABLE + " is not set; set it, or write ${"
                + VARIABLE + ":-default} to give a default"), err);
    }
}
