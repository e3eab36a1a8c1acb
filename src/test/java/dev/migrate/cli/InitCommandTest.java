package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.revision.Templates;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.support.CliTest;
import dev.migrate.support.PostgresTestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class InitCommandTest {
    @TempDir
    Path tmp;

    private static List<Path> tree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesTheEnvironmentThatTheOtherCommandsUse(QuarkusMainLauncher launcher) throws Exception {
        Path dir = tmp.resolve("project");
        LaunchResult r = launcher.launch("init", dir.toString());
        ok(r);
        for (String f : List.of("migrate.yaml", "migrations/README.md", "migrations/schema.yaml", "migrations/script.yaml.tmpl",
                "migrations/script.sql.tmpl")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        assertTrue(Files.isDirectory(dir.resolve("migrations/versions")));
        assertTrue(r.getErrorOutput().contains("Created"), r.getErrorOutput());
        assertEquals("", r.getOutput().strip());

        String config = dir.resolve("migrate.yaml").toString();
        Path file = Path.of(ok(launcher.launch("-c", config, "revision", "-m", "first")).strip());
        assertEquals(dir.resolve("migrations/versions"), file.getParent());
        assertTrue(file.toString().endsWith(".yaml"), file.toString());
        assertTrue(ok(launcher.launch("-c", config, "history")).strip().endsWith("(head), first"));
    }

    @Test
    void refusesAFolderThatIsNotEmpty(QuarkusMainLauncher launcher) throws Exception {
        Files.writeString(tmp.resolve("keep.txt"), "mine");
        List<Path> before = tree(tmp);
        String err = fails(launcher.launch("init", tmp.toString()), 1);
        assertTrue(err.contains(tmp.toString()), err);
        // In an application's folder, the way out: a folder of its own for the migrations.
        assertTrue(err.contains("'migrate init " + tmp.resolve("db") + "'"), err);
        assertEquals(before, tree(tmp));
        assertEquals("mine", Files.readString(tmp.resolve("keep.txt")));
    }

    @Test
    void theSqlTemplate(QuarkusMainLauncher launcher) throws Exception {
        Path dir = tmp.resolve("sqlproject");
        ok(launcher.launch("init", "--template", "sql", dir.toString()));
        assertTrue(Files.isRegularFile(dir.resolve("migrate.yaml")));
        assertTrue(Files.isDirectory(dir.resolve("migrations/versions")));
        assertTrue(Files.readString(dir.resolve("migrations/README.md")).toLowerCase().contains("sql"));
    }

    @Test
    void theTimescaledbTemplatePrintsItsSqlWithoutADatabase(QuarkusMainLauncher launcher) throws Exception {
        Path dir = tmp.resolve("tsdb");
        ok(launcher.launch("init", "--template", "timescaledb", dir.toString()));
        for (String f : List.of("migrate.yaml", "migrations/README.md", "migrations/schema.yaml", "migrations/script.yaml.tmpl",
                "migrations/script.sql.tmpl", "migrations/versions/0a1b2c3d4e5f_timescaledb_and_metrics.yaml")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        assertTrue(Files.readString(dir.resolve("migrate.yaml")).contains("url: ${DATABASE_URL:-postgresql://"));
        assertTrue(Files.readString(dir.resolve("migrations/README.md")).contains("shared_preload_libraries"));
        Path schemaFile = dir.resolve("migrations/schema.yaml");
        Schema schema = SchemaReader.read(Files.readString(schemaFile), schemaFile.toString());
        assertEquals(List.of("timescaledb"), List.copyOf(schema.extensions().keySet()));
        assertEquals(List.of("metrics"), List.copyOf(schema.hypertables().keySet()));

        String config = dir.resolve("migrate.yaml").toString();
        String sql = ok(launcher.launch("-c", config, "upgrade", "head", "--sql"));
        int extension = sql.indexOf("CREATE EXTENSION IF NOT EXISTS timescaledb;");
        int table = sql.indexOf("CREATE TABLE metrics (");
        int hypertable = sql.indexOf("SELECT create_hypertable('metrics', time_column_name => 'time', chunk_time_interval => INTERVAL '1 day');");
        int index = sql.indexOf("CREATE INDEX ix_metrics_device_id_time ON metrics (device_id, time);");
        assertTrue(extension >= 0 && extension < table && table < hypertable && hypertable < index, sql);
        assertTrue(sql.contains("needs the TimescaleDB extension"), "the guard before create_hypertable: " + sql);
        assertTrue(sql.contains("0a1b2c3d4e5f"), sql);
        assertTrue(ok(launcher.launch("-c", config, "history")).strip().endsWith("(head), timescaledb and metrics"));
    }

    @Test
    void theTimescaledbTemplateFailsClearlyWhereTimescaledbIsMissing(QuarkusMainLauncher launcher) throws Exception {
        Path dir = tmp.resolve("tsdb");
        ok(launcher.launch("init", "--template", "timescaledb", dir.toString()));
        try (PostgresTestDatabase db = new PostgresTestDatabase()) {
            assumeTrue(db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'").isEmpty(),
                    "this server has TimescaleDB");
            String err = fails(launcher.launch("-c", dir.resolve("migrate.yaml").toString(), "--url", db.url(), "upgrade", "head"), 1);
            assertTrue(err.contains("0a1b2c3d4e5f_timescaledb_and_metrics.yaml:11") && err.contains("CREATE EXTENSION IF NOT EXISTS timescaledb")
                    && err.contains("extension \"timescaledb\" is not available"), err);
            assertFalse(db.tables().contains("metrics"), "nothing applied");
        }
    }

    @Test
    void everyTemplatesReadmeSaysWhatTheTargetSchemaIsFor(QuarkusMainLauncher launcher) throws Exception {
        for (Templates.Template t : Templates.list()) {
            Path dir = tmp.resolve("readme-" + t.name());
            ok(launcher.launch("init", "--template", t.name(), dir.toString()));
            String readme = Files.readString(dir.resolve("migrations/README.md"));
            assertTrue(readme.contains("migrate revision --autogenerate") && readme.contains("migrate check"), t.name() + ": " + readme);
            assertFalse(readme.contains("coming soon"), t.name() + ": " + readme);
        }
    }

    @Test
    void anUnknownTemplateListsTheKnownOnesAndWritesNothing(QuarkusMainLauncher launcher) {
        Path dir = tmp.resolve("x");
        LaunchResult r = launcher.launch("init", "--template", "nosuch", dir.toString());
        assertTrue(r.exitCode() != 0);
        String err = fails(r, r.exitCode());
        assertTrue(err.contains("nosuch") && err.contains("yaml") && err.contains("sql"), err);
        assertFalse(Files.exists(dir));
    }

    @Test
    void listTemplatesAndItsAlias(QuarkusMainLauncher launcher) {
        String out = ok(launcher.launch("list-templates"));
        assertTrue(out.startsWith("Available templates:\n"), out);
        assertTrue(out.contains("\nyaml         - "), out);
        assertTrue(out.contains("\nsql          - "), out);
        assertTrue(out.contains("\ntimescaledb  - PostgreSQL with TimescaleDB"), out);
        assertEquals(out, ok(launcher.launch("list_templates")));
        String json = ok(launcher.launch("--json", "list-templates"));
        assertTrue(json.contains("\"yaml\":") && json.contains("\"sql\":"), json);
    }
}
