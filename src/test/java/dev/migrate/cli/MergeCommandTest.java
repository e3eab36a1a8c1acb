package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.CliTest;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class MergeCommandTest {
    @TempDir
    Path tmp;

    private Project project;

    @BeforeEach
    void setUp() {
        project = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        project.sql("a1", null, "SELECT 1;", "SELECT 1;");
        project.sql("b1", "a1", "SELECT 1;", "SELECT 1;");
        project.sql("c1", "a1", "SELECT 1;", "SELECT 1;");
    }

    @Test
    void mergeHeadsJoinsTheBranches(QuarkusMainLauncher launcher) throws Exception {
        Path file = Path.of(ok(project.run(launcher, "merge", "heads", "-m", "join branches")).strip());
        assertTrue(Files.isRegularFile(file), file.toString());
        String id = file.getFileName().toString().substring(0, 12);
        assertTrue(id.matches("[0-9a-f]{12}"), id);
        assertEquals(id + " (head)", ok(project.run(launcher, "heads")).strip());
        assertEquals("b1, c1 -> " + id + " (head) (mergepoint), join branches", ok(project.run(launcher, "history")).split("\n")[0]);
    }

    @Test
    void namedRevisionsAndAChosenId(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "merge", "b1", "c1", "-m", "join", "--rev-id", "m1"));
        assertEquals("m1 (head)", ok(project.run(launcher, "heads")).strip());
    }

    @Test
    void mergingOneRevisionIsAUsageError(QuarkusMainLauncher launcher) {
        String err = fails(project.run(launcher, "merge", "b1", "-m", "alone"), 2);
        assertTrue(err.contains("at least two revisions") && err.contains("names only b1"), err);
        assertEquals(2, ok(project.run(launcher, "heads")).strip().split("\n").length);
    }
}
