package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Outcomes;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * {@code revision --autogenerate} and {@code check} on every engine: a target schema using every
 * feature the engine has is generated, applied and checked; a change to it is generated, applied,
 * checked and undone by the generated downgrade.
 */
public abstract class AutogenerateScenarios extends EngineTestBase {
    /** A first target schema using every feature of the engine. */
    protected abstract String firstSchema();

    /** A change to {@link #firstSchema()} that the engine can carry out on existing tables. */
    protected abstract String changedSchema();

    private Path target() {
        return project.dir().resolve("migrations/schema.yaml");
    }

    private void writeTarget(String yaml) throws IOException {
        Files.writeString(target(), yaml);
    }

    private Schema inspect(QuarkusMainLauncher launcher) {
        return SchemaReader.read(Outcomes.ok(project.run(launcher, "inspect")), "inspect");
    }

    private List<Path> revisions() throws IOException {
        try (Stream<Path> files = Files.list(project.versions())) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void generatedRevisionsBringTheDatabaseToTheTargetAndBack(QuarkusMainLauncher launcher) throws IOException {
        writeTarget(firstSchema());
        LaunchResult check = project.run(launcher, "check");
        assertEquals(3, check.exitCode(), check.getOutput() + check.getErrorOutput());
        assertTrue(check.getOutput().contains("create_table"), check.getOutput());

        ok(project.run(launcher, "revision", "--autogenerate", "-m", "first", "--rev-id", "r1"));
        ok(project.run(launcher, "upgrade", "head"));
        LaunchResult clean = project.run(launcher, "check");
        assertEquals(0, clean.exitCode(), () -> clean.getOutput() + clean.getErrorOutput() + "\n" + read("r1"));
        Schema first = inspect(launcher);

        writeTarget(changedSchema());
        ok(project.run(launcher, "revision", "--autogenerate", "-m", "second", "--rev-id", "r2"));
        LaunchResult second = project.run(launcher, "upgrade", "head");
        assertEquals(0, second.exitCode(), () -> second.getErrorOutput() + "\n" + read("r2"));
        LaunchResult clean2 = project.run(launcher, "check");
        assertEquals(0, clean2.exitCode(), () -> clean2.getOutput() + clean2.getErrorOutput() + "\n" + read("r2"));

        ok(project.run(launcher, "downgrade", "-1"));
        assertEquals(first, inspect(launcher), () -> read("r2"));
        ok(project.run(launcher, "downgrade", "base"));
        assertTrue(inspect(launcher).isEmpty(), () -> read("r1"));
    }

    private String read(String id) {
        try {
            for (Path p : revisions()) if (p.getFileName().toString().startsWith(id)) return Files.readString(p);
            return "(no revision " + id + ")";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void noChangesStillWritesAnEmptyRevision(QuarkusMainLauncher launcher) throws IOException {
        writeTarget("");
        LaunchResult r = project.run(launcher, "revision", "--autogenerate", "-m", "nothing");
        ok(r);
        assertTrue(r.getErrorOutput().contains("No changes detected"), r.getErrorOutput());
        String text = Files.readString(revisions().get(0));
        assertTrue(text.contains("upgrade: []") && text.contains("downgrade: []"), text);
        ok(project.run(launcher, "upgrade", "head"));
        LaunchResult check = project.run(launcher, "check");
        ok(check);
        assertTrue(check.getOutput().contains("No new upgrade operations detected."), check.getOutput());
    }

    @Test
    void autogenerateAndCheckNeedTheDatabaseAtHead(QuarkusMainLauncher launcher) throws IOException {
        writeTarget(firstSchema());
        ok(project.run(launcher, "revision", "--autogenerate", "-m", "first", "--rev-id", "r1"));
        LaunchResult r = project.run(launcher, "revision", "--autogenerate", "-m", "second");
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("Target database is not up to date"), r.getErrorOutput());
        LaunchResult check = project.run(launcher, "check");
        assertEquals(1, check.exitCode(), check.getErrorOutput());
        assertEquals(1, revisions().size());
    }

    @Test
    void checkListsTheDifferencesAsJson(QuarkusMainLauncher launcher) throws IOException {
        writeTarget(firstSchema());
        LaunchResult r = project.run(launcher, "--json", "check");
        assertEquals(3, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("{\"differences\":[\"") && r.getOutput().contains("\"create_table "), r.getOutput());
    }
}
