package dev.migrate.cli;

import static dev.migrate.support.Outcomes.describe;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.CliTest;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@code migrate lint} end to end: exit codes, the three formats, the default range with a database. */
@CliTest
class LintCommandTest {
    private static final String TABLE = "-- migrate:upgrade\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n";

    @TempDir
    Path tmp;

    /** Exit 3, the findings on standard output as for any data a command prints; returns them. */
    private static String found(LaunchResult r) {
        assertEquals(LintCommand.FOUND, r.exitCode(), () -> describe(r));
        assertTrue(r.getErrorOutput().isBlank(), () -> describe(r));
        return r.getOutput();
    }

    private Project project(String url) {
        Project p = new Project(tmp, url, "lint: {levels: {drop-column: warning}}\n");
        p.file("a1_users.sql", "-- revision: a1\n" + TABLE);
        p.file("b2_index.sql", "-- revision: b2\n-- down_revision: a1\n-- migrate:upgrade\n"
                + "CREATE INDEX ix_email ON users (email);\nALTER TABLE users DROP COLUMN email;\n");
        return p;
    }

    @Test
    void theExampleEnvironmentLintsCleanItsDeliberateFindingsListedWithVerbose(QuarkusMainLauncher launcher) {
        String out = ok(launcher.launch("lint", "--offline"));
        assertTrue(out.strip().startsWith("lint: 5 revisions, no findings (2 ignored)"), out);
        String verbose = ok(launcher.launch("lint", "--offline", "-v"));
        assertTrue(verbose.contains("d4e5f6a7b8c9_dataset_description.sql:11: ignored warning ddl-with-data"), verbose);
        assertTrue(verbose.contains("ignored: the example's analyses table is small"), verbose);
    }

    @Test
    void errorsExitThreeInEachFormat(QuarkusMainLauncher launcher) {
        Project p = project("sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        String text = found(p.run(launcher, "lint"));
        assertTrue(text.contains("b2_index.sql:4: error index-concurrently: CREATE INDEX on users without CONCURRENTLY"), text);
        assertTrue(text.contains("    safe:   set concurrently: true"), text);
        assertTrue(text.contains("b2_index.sql:5: warning drop-column"), text);
        assertTrue(text.contains("lint: 2 revisions, 1 error, 1 warning"), text);
        // a SQLite URL is not read: lint is about PostgreSQL, and the file is not created
        assertFalse(tmp.resolve("app.db").toFile().exists());
        String json = found(p.run(launcher, "lint", "--json"));
        assertTrue(json.contains("\"rule\":\"index-concurrently\",\"level\":\"error\""), json);
        String github = found(p.run(launcher, "lint", "--github"));
        assertTrue(github.contains("::error file=") && github.contains("b2_index.sql,line=4,title=migrate lint index-concurrently::"),
                github);
        assertEquals("lint: 1 revision, no findings", ok(p.run(launcher, "lint", "a1:a1")).strip());
    }

    @Test
    void withAPostgresUrlOnlyUnappliedRevisionsAreLintedAgainstTheTablesSizes(QuarkusMainLauncher launcher) {
        try (PostgresTestDatabase db = new PostgresTestDatabase()) {
            Project p = project(db.url());
            ok(p.run(launcher, "upgrade", "a1"));
            // users is empty: its index and column drop block no one, but the drop still loses data
            String out = ok(p.run(launcher, "lint"));
            assertTrue(out.contains("lint: 1 revision, 0 errors, 1 warning"), out);
            db.execute("INSERT INTO users SELECT g, 'x' FROM generate_series(1, 100) g");
            String filled = found(p.run(launcher, "lint"));
            assertTrue(filled.contains("CREATE INDEX on users (1 page, not analysed)") && filled.contains("lint: 1 revision, 1 error"), filled);
        }
    }
}
