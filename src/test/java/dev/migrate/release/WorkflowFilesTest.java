package dev.migrate.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub workflows cannot run here: they are checked as files. The release builds and
 * smoke-tests a native executable per platform and publishes them with checksums; CI runs the
 * tests through .ci/run; every action is pinned to a version and every script they run exists.
 */
class WorkflowFilesTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object o) {
        assertTrue(o instanceof Map, "a mapping: " + o);
        return (Map<Object, Object>) o;
    }

    private static List<?> list(Object o) {
        assertTrue(o instanceof List, "a list: " + o);
        return (List<?>) o;
    }

    private static Map<Object, Object> workflow(String name) throws Exception {
        return map(new Yaml().load(Files.readString(WORKFLOWS.resolve(name))));
    }

    /** YAML 1.1 reads the key `on` as the boolean true. */
    private static Map<Object, Object> triggers(Map<Object, Object> workflow) {
        return map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE));
    }

    private static List<Map<Object, Object>> steps(Map<Object, Object> job) {
        List<Map<Object, Object>> steps = new ArrayList<>();
        for (Object s : list(job.get("steps"))) steps.add(map(s));
        return steps;
    }

    private static String runs(Map<Object, Object> job) {
        StringBuilder all = new StringBuilder();
        for (Map<Object, Object> step : steps(job)) if (step.get("run") != null) all.append(step.get("run")).append('\n');
        return all.toString();
    }

    @Test
    void aVersionTagReleasesNativeExecutablesWithChecksums() throws Exception {
        Map<Object, Object> release = workflow("release.yml");
        assertEquals(List.of("v*"), map(triggers(release).get("push")).get("tags"));

        Map<Object, Object> jobs = map(release.get("jobs"));
        Map<Object, Object> nativeJob = map(jobs.get("native"));
        Set<String> platforms = new TreeSet<>();
        for (Object entry : list(map(map(nativeJob.get("strategy")).get("matrix")).get("include"))) {
            platforms.add(map(entry).get("os") + "-" + map(entry).get("arch"));
        }
        assertEquals(Set.of("linux-amd64", "linux-arm64", "macos-arm64"), platforms);

        Map<Object, Object> setup = steps(nativeJob).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("graalvm/setup-graalvm@")).findFirst().orElseThrow();
        assertEquals("25", map(setup.get("with")).get("java-version"));
        String build = runs(nativeJob);
        assertTrue(build.contains("./mvnw -B package -Dnative -DskipTests"), build);
        assertTrue(build.contains("migrate-runner --version"), "smoke test: " + build);
        assertTrue(build.contains("migrate-${{ matrix.os }}-${{ matrix.arch }}"), build);

        Map<Object, Object> publish = map(jobs.get("release"));
        assertEquals("native", publish.get("needs"));
        assertEquals("write", map(publish.get("permissions")).get("contents"));
        assertTrue(runs(publish).contains("sha256sum migrate-* > SHA256SUMS"));
        Map<Object, Object> gh = steps(publish).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("softprops/action-gh-release@")).findFirst().orElseThrow();
        assertTrue(map(gh.get("with")).get("files").toString().contains("SHA256SUMS"));
        assertEquals("read", map(release.get("permissions")).get("contents"), "write only where the release is made");
    }

    @Test
    void ciRunsTheTestsThroughItsEntryPoint() throws Exception {
        Map<Object, Object> ci = workflow("ci.yml");
        assertTrue(triggers(ci).containsKey("push") && triggers(ci).containsKey("pull_request"));
        assertTrue(runs(map(map(ci.get("jobs")).get("test"))).contains(".ci/run"));
    }

    @Test
    void everyActionIsPinnedAndEveryScriptExists() throws Exception {
        Pattern script = Pattern.compile("(?:^|\\s)(\\.?[\\w.-]+(?:/[\\w.-]+)+\\.(?:sh|py)|\\.ci/run)(?:\\s|$)");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.sorted().toList()) {
                for (Object job : map(workflow(file.getFileName().toString()).get("jobs")).values()) {
                    for (Map<Object, Object> step : steps(map(job))) {
                        Object uses = step.get("uses");
                        if (uses != null && !uses.toString().matches("[\\w.-]+/[\\w.-]+@v?\\d[\\w.]*")) {
                            problems.add(file.getFileName() + ": unpinned " + uses);
                        }
                        Matcher m = script.matcher(String.valueOf(step.get("run")));
                        while (m.find()) {
                            if (!Files.isRegularFile(Path.of(m.group(1)))) problems.add(file.getFileName() + ": no " + m.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
