package dev.migrate.cli;

import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.CliTest;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class HeadsAndBranchesTest {
    @TempDir
    Path tmp;

    private Project project;

    /** a1 branches into b1 (labelled feature) and c1; d1 is a second root that depends on c1. */
    @BeforeEach
    void setUp() {
        project = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        project.sql("a1", null, "SELECT 1;", "SELECT 1;");
        project.yaml("b1", "a1", "branch_labels: [feature]\n");
        project.sql("c1", "a1", "SELECT 1;", "SELECT 1;");
        project.yaml("d1", null, "depends_on: [c1]\n");
    }

    private static List<String> sortedLines(String out) {
        return Arrays.stream(out.strip().split("\n")).sorted().toList();
    }

    @Test
    void headsListsEveryHeadWithItsLabels(QuarkusMainLauncher launcher) {
        // c1 is needed by d1 through depends_on: Alembic calls it an effective head.
        assertEquals(List.of("b1 (feature) (head)", "c1 (effective head)", "d1 (head)"), sortedLines(ok(project.run(launcher, "heads"))));
    }

    @Test
    void resolveDependenciesTreatsDependsOnAsAParent(QuarkusMainLauncher launcher) {
        assertEquals(List.of("b1 (feature) (head)", "d1 (head)"),
                sortedLines(ok(project.run(launcher, "heads", "--resolve-dependencies"))));
    }

    @Test
    void verboseHeadsPrintBlocks(QuarkusMainLauncher launcher) {
        String out = ok(project.run(launcher, "heads", "-v"));
        assertTrue(out.contains("Rev: b1 (head)\nParent: a1\nBranch names: feature\nPath: " + project.versions().resolve("b1_rev.yaml")), out);
        assertTrue(out.contains("Rev: d1 (head)\nParent: <base>\nAlso depends on: c1\nPath: "), out);
    }

    @Test
    void jsonHeads(QuarkusMainLauncher launcher) {
        String out = ok(project.run(launcher, "--json", "heads")).strip();
        assertTrue(out.startsWith("[") && out.endsWith("]"), out);
        assertTrue(out.contains("\"branch_labels\":[\"feature\"]"), out);
        assertTrue(out.contains("\"depends_on\":[\"c1\"]"), out);
        assertEquals(3, out.split("\"is_head\":true", -1).length - 1, out);
    }

    @Test
    void branchesShowsEachBranchPointAndWhereItGoes(QuarkusMainLauncher launcher) {
        String out = ok(project.run(launcher, "branches"));
        assertEquals("a1 (branchpoint)\n   -> b1 (feature) (head)\n   -> c1 (effective head)", out.strip());
        String verbose = ok(project.run(launcher, "branches", "-v"));
        assertTrue(verbose.startsWith("Rev: a1 (branchpoint)\nParent: <base>\nBranches into: b1, c1\n"), verbose);
        assertTrue(verbose.contains("   -> b1 (feature) (head), revision b1"), verbose);
    }

    @Test
    void currentShowsNoLabelsAsInAlembic(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "stamp", "b1", "c1"));
        assertEquals(List.of("b1 (head)", "c1 (effective head)"), sortedLines(ok(project.run(launcher, "current"))));
        String verbose = ok(project.run(launcher, "current", "-v"));
        assertTrue(verbose.contains("Rev: b1 (head)\nParent: a1\nBranch names: feature\n"), verbose);
    }

    @Test
    void noBranchesPrintsNothing(QuarkusMainLauncher launcher) throws Exception {
        java.nio.file.Files.delete(project.versions().resolve("c1_rev.sql"));
        java.nio.file.Files.delete(project.versions().resolve("d1_rev.yaml"));
        assertEquals("", ok(project.run(launcher, "branches")).strip());
    }
}
