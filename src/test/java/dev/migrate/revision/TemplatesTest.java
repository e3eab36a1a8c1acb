package dev.migrate.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.yaml.Node;
import dev.migrate.yaml.YamlReader;

class TemplatesTest {
    @TempDir
    Path dir;

    @Test
    void listsTemplatesWithDescriptions() {
        List<Templates.Template> all = Templates.list();
        assertEquals(List.of("yaml", "sql", "timescaledb"), all.stream().map(Templates.Template::name).collect(Collectors.toList()));
        for (Templates.Template t : all) assertFalse(t.description().isBlank(), t.name());
    }

    @Test
    void initWritesTheEnvironment() throws IOException {
        Path env = dir.resolve("project");
        List<Path> created = Templates.init(env, null);
        for (String f : new String[] {"migrate.yaml", "migrations/README.md", "migrations/schema.yaml",
                "migrations/script.yaml.tmpl", "migrations/script.sql.tmpl"}) {
            assertTrue(Files.isRegularFile(env.resolve(f)), f);
            assertTrue(created.contains(env.resolve(f)), f);
        }
        Path versions = env.resolve("migrations/versions");
        assertTrue(Files.isDirectory(versions));
        try (Stream<Path> s = Files.list(versions)) {
            assertEquals(0, s.count());
        }
        assertTrue(Files.readString(env.resolve("migrations/README.md")).contains("migrate upgrade head"));
    }

    /** The SQLite lock file stays beside the database after a run: every template says to keep it out of git, as the repository does. */
    @Test
    void everyTemplateAdvisesIgnoringTheLockFile() throws IOException {
        for (Templates.Template t : Templates.list()) {
            Path env = dir.resolve(t.name());
            Templates.init(env, t.name());
            assertTrue(Files.readString(env.resolve("migrations/README.md")).contains("`*.migrate-lock`"), t.name());
        }
        assertTrue(Files.readAllLines(Path.of(".gitignore")).contains("*.migrate-lock"), "the repository's .gitignore");
    }

    @Test
    void migrateYamlFollowsTheConfigurationContract() throws IOException {
        Templates.init(dir, "yaml");
        Node config = YamlReader.read(Files.readString(dir.resolve("migrate.yaml")), "migrate.yaml");
        assertEquals("migrations", config.get("script_location").text());
        assertEquals("${DATABASE_URL:-sqlite:///app.db}", config.get("url").text());
        assertEquals(List.of("migrations/versions"), config.get("version_locations").asStringList());
        assertEquals("%(rev)s_%(slug)s", config.get("file_template").text());
        assertEquals(40, config.get("truncate_slug_length").asInt(0));
        assertEquals("UTC", config.get("timezone").text());
        assertEquals("alembic_version", config.get("version_table").text());
        assertTrue(config.get("version_table_schema").isNull());
        assertEquals("migrate_history", config.get("history_table").text());
        assertTrue(config.get("transaction_per_migration").asBoolean(false));
        assertEquals("60s", config.get("lock_timeout").text());
        assertEquals("5s", config.get("ddl_lock_timeout").text());
        assertEquals("5", config.get("ddl_lock_retries").text());
        assertEquals("off", config.get("statement_timeout").text());
        assertEquals("0s", config.get("connect").get("wait").text());
        assertEquals("migrations/schema.yaml", config.get("target_schema").text());
        assertEquals(List.of("public"), config.get("include_schemas").asStringList());
        assertTrue(YamlReader.read(Files.readString(dir.resolve("migrations/schema.yaml")), "schema.yaml").isNull());
    }

    @Test
    void theWrittenTemplatesMakeRevisionsThatLoad() throws IOException {
        Templates.init(dir, "sql");
        assertTrue(Files.readString(dir.resolve("migrations/README.md")).contains("--format sql"));
        Path env = dir.resolve("migrations");
        Path versions = env.resolve("versions");
        RevisionWriter w = new RevisionWriter(new RevisionWriter.Settings("%(rev)s_%(slug)s", 40, ZoneId.of("UTC"), env, Map.of()));
        Path a = w.write(RevisionWriter.Request.of("first: one", List.of(), Format.SQL), versions, Set.of());
        String first = RevisionScript.load(a).id();
        w.write(RevisionWriter.Request.of("second", List.of(first), Format.YAML), versions, Set.of(first));
        ScriptDirectory d = ScriptDirectory.load(List.of(versions));
        assertEquals(2, d.scripts().size());
        assertEquals("first: one", d.byId(first).message());
    }

    @Test
    void refusesANonEmptyTarget() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "x");
        TargetNotEmptyException e = assertThrows(TargetNotEmptyException.class, () -> Templates.init(dir, "yaml"));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertFalse(Files.exists(dir.resolve("migrate.yaml")));
        assertThrows(TargetNotEmptyException.class, () -> Templates.init(dir.resolve("keep.txt"), "yaml"));
    }

    @Test
    void initIntoAnExistingEmptyFolder() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Templates.init(empty, "sql");
        assertTrue(Files.isRegularFile(empty.resolve("migrate.yaml")));
    }

    @Test
    void unknownTemplateListsTheTemplates() {
        UnknownTemplateException e = assertThrows(UnknownTemplateException.class, () -> Templates.init(dir, "mysql"));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("'mysql'") && e.getMessage().contains("yaml, sql"), e.getMessage());
    }
}
