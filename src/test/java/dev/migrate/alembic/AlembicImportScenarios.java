package dev.migrate.alembic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrate.support.EngineTestBase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The test Alembic history (src/test/resources/alembic/shop) upgraded by the real Alembic on one
 * database and, imported, by migrate on another: the catalogs, normalised, must be equal, after
 * upgrade and after downgrade to base; and a database Alembic brought half-way is finished by migrate.
 */
public abstract class AlembicImportScenarios extends EngineTestBase {
    private TestDatabase other;
    private Path alembicProject;

    /** The catalog of a database as comparable text, without the migration tools' own tables. */
    protected abstract List<String> catalog(TestDatabase database);

    @BeforeEach
    void copyProject() throws Exception {
        other = newDatabase();
        alembicProject = tmp.resolve("alembic-project");
        Path source = Path.of(getClass().getResource("/alembic/shop/alembic.ini").toURI()).getParent();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = alembicProject.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @AfterEach
    void dropOther() {
        other.close();
    }

    private void alembic(TestDatabase database, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("alembic", "-c",
                    alembicProject.resolve("alembic.ini").toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("TEST_DATABASE_URL", database.url());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), () -> "alembic " + String.join(" ", args) + ":\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path imported() {
        Path out = tmp.resolve("imported");
        ImportReport report = AlembicImport.run(alembicProject, out);
        assertTrue(report.complete(), () -> String.join("\n", report.lines()));
        return out;
    }

    private static LaunchResult migrate(QuarkusMainLauncher launcher, Path env, TestDatabase database, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("-c", env.resolve("migrate.yaml").toString(), "--url", database.url()));
        all.addAll(List.of(args));
        return launcher.launch(all.toArray(String[]::new));
    }

    @Test
    void theImportedHistoryBuildsTheSameSchemaAsAlembicUpAndDown(QuarkusMainLauncher launcher) {
        Path env = imported();
        alembic(db, "upgrade", "heads");
        ok(migrate(launcher, env, other, "upgrade", "heads"));
        assertEquals(catalog(db), catalog(other));
        assertEquals(db.query("SELECT version_num FROM alembic_version"), other.query("SELECT version_num FROM alembic_version"));
        alembic(db, "downgrade", "base");
        ok(migrate(launcher, env, other, "downgrade", "base"));
        assertEquals(catalog(db), catalog(other));
    }

    @Test
    void aDatabaseAlembicBroughtHalfWayIsFinishedByMigrate(QuarkusMainLauncher launcher) {
        Path env = imported();
        alembic(db, "upgrade", "b2");
        ok(migrate(launcher, env, db, "upgrade", "heads"));
        assertEquals(List.of(List.of("g7")), db.query("SELECT version_num FROM alembic_version"));
        assertTrue(db.tables().containsAll(List.of("users", "orders", "labels", "invoices")), db.tables()::toString);
    }

    @Test
    void theFileTemplateWithFormatSpecsIsKeptAndNamesNewRevisionsByDate(QuarkusMainLauncher launcher) throws IOException {
        Path env = imported();
        assertTrue(Files.readString(env.resolve("migrate.yaml")).contains("%(year)d%(month).2d%(day).2d_%(rev)s_%(slug)s"),
                () -> readUnchecked(env.resolve("migrate.yaml")));
        ok(migrate(launcher, env, db, "revision", "-m", "add notes", "--rev-id", "f7"));
        try (Stream<Path> files = Files.list(env.resolve("migrations/versions"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("\\d{8}_f7_add_notes\\.yaml")),
                    () -> "no revision named by date in " + env.resolve("migrations/versions"));
        }
    }

    private static String readUnchecked(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pythonWithNoEquivalentIsQuotedAndTheRevisionRefusesToRun(QuarkusMainLauncher launcher) throws IOException {
        Files.writeString(alembicProject.resolve("alembic/versions/h8_data.py"), String.join("\n",
                "\"\"\"backfill", "", "Revision ID: h8", "\"\"\"", "from alembic import op", "import sqlalchemy as sa",
                "revision = 'h8'", "down_revision = 'g7'", "", "", "def upgrade():",
                "    op.add_column('users', sa.Column('score', sa.Integer()))",
                "    conn = op.get_bind()",
                "    for row in conn.execute(sa.text('SELECT id FROM users')):",
                "        conn.execute(sa.text(f'UPDATE users SET score = {row.id}'))",
                "", "", "def downgrade():", "    op.drop_column('users', 'score')", ""));
        Path out = tmp.resolve("imported");
        LaunchResult r = launcher.launch("import-alembic", alembicProject.toString(), "--out", out.toString());
        assertEquals(3, r.exitCode(), r::getOutput);
        assertTrue(r.getOutput().contains("h8  partly converted"), r::getOutput);
        assertTrue(r.getOutput().contains("alembic/versions/h8_data.py:13:"), r::getOutput);
        String yaml = Files.readString(out.resolve("migrations/versions/h8_data.yaml"));
        assertTrue(yaml.contains("unconverted:") && yaml.contains("conn = op.get_bind()") && yaml.contains("add_column"), yaml);
        LaunchResult refused = migrate(launcher, out, db, "upgrade", "heads");
        assertEquals(1, refused.exitCode(), refused::getOutput);
        assertTrue(refused.getErrorOutput().contains("h8_data.yaml") && refused.getErrorOutput().contains("not converted"),
                refused::getErrorOutput);
        assertTrue(!db.tables().contains("users"), "nothing ran: " + db.tables());
    }
}
