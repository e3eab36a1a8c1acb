package dev.migrate.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml, docker/Dockerfile and its ignore file, checked without Docker: the order
 * of start-up (database healthy, then a one-shot migration, then the application only after it
 * succeeded), and that every file they refer to exists and reaches the build.
 */
class ComposeFileTest {
    private static final Path DOCKER = Path.of("docker");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, "a mapping: " + o);
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> services() throws Exception {
        Map<String, Object> compose = map(new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml"))));
        return map(compose.get("services"));
    }

    @Test
    void theApplicationStartsOnlyAfterTheMigrationSucceeded() throws Exception {
        Map<String, Object> services = services();
        Map<String, Object> db = map(services.get("db"));
        Map<String, Object> migrate = map(services.get("migrate"));
        Map<String, Object> app = map(services.get("app"));

        assertTrue(db.get("image").toString().startsWith("timescale/timescaledb"), db.toString());
        assertNotNull(map(db.get("healthcheck")).get("test"));
        assertEquals("service_healthy", map(map(migrate.get("depends_on")).get("db")).get("condition"));
        assertEquals("no", migrate.get("restart"), "a one-shot job is never restarted (quoted: YAML reads a bare no as false)");
        assertFalse(migrate.containsKey("command"), "without a command the entry point only migrates");
        assertEquals("service_completed_successfully", map(map(app.get("depends_on")).get("migrate")).get("condition"));
        assertTrue(map(migrate.get("environment")).get("DATABASE_URL").toString().contains("@db:5432/"));
    }

    @Test
    void whatTheMigrationServiceUsesExists() throws Exception {
        Map<String, Object> migrate = map(services().get("migrate"));
        Map<String, Object> build = map(migrate.get("build"));
        Path context = DOCKER.resolve(build.get("context").toString()).normalize();
        assertTrue(Files.isRegularFile(context.resolve(build.get("dockerfile").toString())), build.toString());
        for (Object volume : (List<?>) migrate.get("volumes")) {
            Path source = DOCKER.resolve(volume.toString().split(":")[0]).normalize();
            assertTrue(Files.exists(source), "volume source " + source);
        }
    }

    /**
     * The database of the compose file has TimescaleDB, so its configuration takes in the
     * TimescaleDB branch of the example environment; apart from that it is the repository's own.
     */
    @Test
    void theMigrationIncludesTheTimescaleBranch() throws Exception {
        Map<String, Object> migrate = map(services().get("migrate"));
        String config = null;
        for (Object volume : (List<?>) migrate.get("volumes")) {
            String[] parts = volume.toString().split(":");
            if (parts[1].equals("/app/migrate.yaml")) config = parts[0];
        }
        assertNotNull(config, "migrate.yaml mounted: " + migrate.get("volumes"));
        Path file = DOCKER.resolve(config).normalize();
        Map<String, Object> settings = map(new Yaml().load(Files.readString(file)));
        assertEquals(List.of("migrations/versions", "migrations/timescale"), settings.get("version_locations"), file.toString());
        Map<String, Object> own = map(new Yaml().load(Files.readString(Path.of("migrate.yaml"))));
        own.put("version_locations", settings.get("version_locations"));
        assertEquals(own, settings, "docker's configuration differs from migrate.yaml beyond version_locations");
        try (Stream<Path> revisions = Files.list(Path.of("migrations/timescale"))) {
            assertTrue(revisions.anyMatch(p -> p.toString().endsWith(".yaml")), "a revision in migrations/timescale");
        }
    }

    @Test
    void theImageRunsTheEntryPointAsAnOrdinaryUser() throws Exception {
        List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));
        int lastFrom = 0;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("FROM ")) lastFrom = i;
        List<String> runtime = lines.subList(lastFrom, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FROM quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25 ")));
        assertTrue(runtime.stream().anyMatch(l -> l.matches("USER [1-9][0-9]*(:[0-9]+)?")), "not root: " + runtime);
        assertTrue(runtime.contains("ENTRYPOINT [\"/usr/local/bin/migrate-entrypoint\"]"), runtime.toString());
        assertTrue(runtime.stream().anyMatch(l -> l.contains("docker/entrypoint.sh /usr/local/bin/migrate-entrypoint")));
        assertTrue(runtime.stream().anyMatch(l -> l.contains("/etc/pki/ca-trust")), "CA certificates for TLS");
    }

    @Test
    void everyFileTheBuildCopiesPassesTheIgnoreFile() throws Exception {
        // An allow-list: "*" first, then "!path" for what the build needs.
        List<String> allowed = new ArrayList<>();
        for (String line : Files.readAllLines(DOCKER.resolve("Dockerfile.dockerignore"))) {
            if (line.startsWith("!")) allowed.add(line.substring(1).replaceAll("/$", ""));
        }
        List<String> notAllowed = new ArrayList<>();
        for (String line : Files.readAllLines(DOCKER.resolve("Dockerfile"))) {
            if (!line.startsWith("COPY ") || line.contains("--from=")) continue;
            String[] words = line.trim().split("\\s+");
            for (int i = 1; i < words.length - 1; i++) {
                String source = words[i].replaceAll("^\\./|/$", "");
                if (source.startsWith("--")) continue;
                boolean ok = allowed.stream().anyMatch(a -> source.equals(a) || source.startsWith(a + "/") || a.startsWith(source + "/")
                        || FileSystems.getDefault().getPathMatcher("glob:" + a).matches(Path.of(source)));
                if (!ok) notAllowed.add(source);
                assertTrue(Files.exists(Path.of(source)), "COPY source " + source);
            }
        }
        assertEquals(List.of(), notAllowed, "COPY sources excluded by docker/Dockerfile.dockerignore");
    }
}
