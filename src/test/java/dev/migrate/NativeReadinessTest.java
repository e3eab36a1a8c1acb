package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What a native executable needs and no JVM test would notice: every resource the code reads is
 * included in the image, and the code does nothing that needs reflection or dynamic class
 * loading configured (picocli's annotated commands are registered by the Quarkus extension).
 */
class NativeReadinessTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java");

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Properties applicationProperties() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve("application.properties"))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyResourceIsIncludedInTheNativeImage() throws Exception {
        String includes = applicationProperties().getProperty("quarkus.native.resources.includes", "");
        List<PathMatcher> globs = Arrays.stream(includes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        List<String> missing = new ArrayList<>();
        for (Path file : files(RESOURCES)) {
            Path relative = RESOURCES.relativize(file);
            if (relative.toString().equals("application.properties")) continue;
            if (globs.stream().noneMatch(g -> g.matches(relative))) missing.add(relative.toString());
        }
        assertEquals(List.of(), missing, "resources not matched by quarkus.native.resources.includes");
    }

    @Test
    void everyTemplateFileListedExists() throws Exception {
        Path templates = RESOURCES.resolve("templates");
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(templates.resolve("index.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String name = line.substring(0, line.indexOf(':')).strip();
            for (String entry : Files.readAllLines(templates.resolve(name).resolve("files.txt"))) {
                if (entry.isBlank() || entry.endsWith("/")) continue;
                if (!Files.isRegularFile(templates.resolve(name).resolve(entry))
                        && !Files.isRegularFile(templates.resolve("common").resolve(entry))) {
                    missing.add(name + "/" + entry);
                }
            }
        }
        assertEquals(List.of(), missing, "files listed in templates/*/files.txt");
    }

    @Test
    void noReflectionOrDynamicClassLoading() throws Exception {
        // SnakeYAML's load/loadAs construct objects reflectively; the composer (compose) does not.
        Pattern forbidden = Pattern.compile("Class\\.forName|java\\.lang\\.reflect|getDeclared(Method|Field|Constructor)s?\\("
                + "|\\.newInstance\\(|ServiceLoader|Proxy\\.newProxyInstance|MethodHandles\\.lookup"
                + "|ObjectMapper|\\.loadAs\\(|\\.loadAll\\(|snakeyaml\\.constructor");
        List<String> found = new ArrayList<>();
        for (Path file : files(SOURCES)) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = forbidden.matcher(lines.get(i));
                if (m.find()) found.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + m.group());
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void yamlIsOnlyComposedNeverConstructed() throws Exception {
        List<String> loads = new ArrayList<>();
        for (Path file : files(SOURCES)) {
            String text = Files.readString(file);
            if (text.contains("org.yaml.snakeyaml") && Pattern.compile("\\.load(All|As)?\\(").matcher(text).find()) {
                loads.add(SOURCES.relativize(file).toString());
            }
        }
        assertEquals(List.of(), loads, "SnakeYAML's load builds objects by reflection: compose the node tree instead");
        String reader = Files.readString(SOURCES.resolve("dev/migrate/yaml/YamlReader.java"));
        assertTrue(reader.contains("new Composer(") && !reader.contains("new Yaml("), "YamlReader composes with SnakeYAML's composer alone");
    }

    /**
     * The native build initialises Vert.x at run time (application.properties), while Quarkus initialises
     * the application's classes at build time: a static initialiser of ours that touches a Vert.x class
     * (a switch on a Vert.x enum compiles to one) would drag Vert.x into the build and fail it.
     */
    @Test
    void noStaticInitialiserOfOursTouchesVertx() throws Exception {
        assertTrue(applicationProperties().getProperty("quarkus.native.additional-build-args", "")
                .contains("--initialize-at-run-time=io.vertx"), "Vert.x is initialised at run time in the native build");
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        List<String> args = new ArrayList<>(List.of("-c", "-p"));
        for (Path file : files(Path.of("target/classes"))) {
            if (file.toString().endsWith(".class")) args.add(file.toString());
        }
        StringWriter out = new StringWriter();
        javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        List<String> found = new ArrayList<>();
        // One listing per class, each opened by its "Compiled from" line; the static initialiser ends at a blank line.
        for (String listing : out.toString().split("(?m)^Compiled from ")) {
            int init = listing.indexOf("static {};");
            if (init < 0) continue;
            int end = listing.indexOf("\n\n", init);
            if (listing.substring(init, end < 0 ? listing.length() : end).contains("io/vertx/")) {
                int nameEnd = listing.indexOf('{');
                found.add(listing.substring(listing.indexOf('\n') + 1, nameEnd < 0 ? listing.length() : nameEnd).strip());
            }
        }
        assertEquals(List.of(), found, "static initialisers that touch Vert.x classes");
    }
}
