package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.CliTest;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class RevisionCommandTest {
    @TempDir
    Path tmp;

    private Project project(String extraConfig) {
        return new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath(), extraConfig);
    }

    /** The path a revision command printed, checked to exist. */
    private static Path created(String out) {
        Path file = Path.of(out.strip());
        assertTrue(Files.isRegularFile(file), out);
        return file;
    }

    private static String idOf(Path file) {
        return file.getFileName().toString().substring(0, file.getFileName().toString().indexOf('_'));
    }

    @Test
    void aNewRevisionGoesOnTopOfTheHeadWithAGeneratedId(QuarkusMainLauncher launcher) throws IOException {
        Project p = project("");
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        Path file = created(ok(p.run(launcher, "revision", "-m", "add device status")));
        String id = idOf(file);
        assertTrue(id.matches("[0-9a-f]{12}"), id);
        assertEquals(id + "_add_device_status.yaml", file.getFileName().toString());
        assertEquals(p.versions(), file.getParent());
        assertTrue(Files.readString(file).contains("down_revision: a1"), Files.readString(file));
        assertEquals("a1 -> " + id + " (head), add device status", ok(p.run(launcher, "history")).strip().split("\n")[0]);

        Path second = created(ok(p.run(launcher, "revision", "-m", "second")));
        assertTrue(ok(p.run(launcher, "history")).startsWith(id + " -> " + idOf(second) + " (head), second"));
    }

    @Test
    void revisionAndMergeWithJsonNameTheFileAndId(QuarkusMainLauncher launcher) {
        Project p = project("");
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        String out = ok(p.run(launcher, "--json", "revision", "-m", "left", "--rev-id", "b1")).strip();
        assertEquals("{\"command\":\"revision\",\"revision\":\"b1\",\"path\":\"" + p.versions().resolve("b1_left.yaml")
                + "\",\"down_revision\":\"a1\",\"branch_labels\":[],\"depends_on\":[],\"message\":\"left\"}", out);
        ok(p.run(launcher, "revision", "-m", "right", "--rev-id", "c1", "--head", "a1", "--splice"));
        String merge = ok(p.run(launcher, "--json", "merge", "heads", "-m", "join", "--rev-id", "d1")).strip();
        assertTrue(merge.startsWith("{\"command\":\"merge\",\"revision\":\"d1\",\"path\":\""), merge);
        assertTrue(merge.contains("\"down_revision\":[\"b1\",\"c1\"]") || merge.contains("\"down_revision\":[\"c1\",\"b1\"]"), merge);
    }

    @Test
    void anAlembicDateTemplateFromAnIniFileNamesFilesThatSortByDate(QuarkusMainLauncher launcher) throws IOException {
        Project p = project("file_template: \"%%(year)d%%(month).2d%%(day).2d_%%(hour).2d%%(minute).2d_%%(rev)s_%%(slug)s\"\n");
        Path file = created(ok(p.run(launcher, "revision", "-m", "first", "--rev-id", "a1")));
        String name = file.getFileName().toString();
        assertTrue(name.matches("20[0-9]{6}_[0-9]{4}_a1_first\\.yaml"), name);
        Path second = created(ok(p.run(launcher, "revision", "-m", "second", "--rev-id", "b2")));
        assertTrue(name.compareTo(second.getFileName().toString()) < 0, name + " sorts before " + second.getFileName());
    }

    @Test
    void sqlFormatAndAChosenId(QuarkusMainLauncher launcher) throws IOException {
        Project p = project("");
        Path file = created(ok(p.run(launcher, "revision", "-m", "first", "--format", "sql", "--rev-id", "0001")));
        assertEquals("0001_first.sql", file.getFileName().toString());
        assertTrue(Files.readString(file).contains("-- migrate:upgrade"), Files.readString(file));
        assertEquals("<base> -> 0001 (head), first", ok(p.run(launcher, "history")).strip());

        String err = fails(p.run(launcher, "revision", "-m", "again", "--rev-id", "0001"), 1);
        assertTrue(err.contains("0001"), err);
        try (var files = Files.list(p.versions())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void headChoosesTheBranchAndBaseStartsANewRoot(QuarkusMainLauncher launcher) {
        Project p = project("");
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        p.yaml("b1", "a1", "branch_labels: [feature]\n");
        p.sql("c1", "a1", "SELECT 1;", "SELECT 1;");

        String err = fails(p.run(launcher, "revision", "-m", "where"), 1);
        assertTrue(err.contains("heads") && err.contains("merge"), err);

        Path onFeature = created(ok(p.run(launcher, "revision", "-m", "on feature", "--head", "feature@head")));
        // The new revision carries the branch label of the revision it stands on, as Alembic shows it.
        assertTrue(ok(p.run(launcher, "history")).contains("b1 -> " + idOf(onFeature) + " (feature) (head), on feature"));

        Path root = created(ok(p.run(launcher, "revision", "-m", "new root", "--head", "base", "--branch-label", "other")));
        assertTrue(ok(p.run(launcher, "history")).contains("<base> -> " + idOf(root) + " (other) (head), new root"));
        assertTrue(ok(p.run(launcher, "heads")).contains(idOf(root) + " (other) (head)"));
    }

    @Test
    void spliceIsNeededToBranchFromARevisionThatIsNotAHead(QuarkusMainLauncher launcher) {
        Project p = project("");
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        p.sql("b1", "a1", "SELECT 1;", "SELECT 1;");
        String err = fails(p.run(launcher, "revision", "-m", "side", "--head", "a1"), 2);
        assertTrue(err.contains("--splice") && err.contains("a1"), err);
        Path side = created(ok(p.run(launcher, "revision", "-m", "side", "--head", "a1", "--splice")));
        String history = ok(p.run(launcher, "history"));
        assertTrue(history.contains("a1 -> " + idOf(side) + " (head), side"), history);
        assertTrue(history.contains("<base> -> a1 (branchpoint), revision a1"), history);
    }

    @Test
    void dependsOnIsWrittenIntoTheHeader(QuarkusMainLauncher launcher) throws IOException {
        Project p = project("");
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        Path file = created(ok(p.run(launcher, "revision", "-m", "other", "--head", "base", "--depends-on", "a1")));
        assertTrue(Files.readString(file).contains("depends_on: [a1]"), Files.readString(file));
        assertTrue(ok(p.run(launcher, "heads", "-v")).contains("Also depends on: a1"));
    }

    @Test
    void versionPathPicksOneOfTheVersionLocations(QuarkusMainLauncher launcher) throws IOException {
        Project p = project("version_locations: [migrations/versions, migrations/other]\n");
        Files.createDirectories(tmp.resolve("migrations/other"));
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        Path file = created(ok(p.run(launcher, "revision", "-m", "elsewhere", "--version-path", tmp.resolve("migrations/other").toString())));
        assertEquals(tmp.resolve("migrations/other"), file.getParent());
        assertTrue(ok(p.run(launcher, "history")).startsWith("a1 -> " + idOf(file) + " (head), elsewhere"));

        String err = fails(p.run(launcher, "revision", "-m", "nowhere", "--version-path", tmp.resolve("nope").toString()), 2);
        assertTrue(err.contains("version_locations"), err);
    }

    @Test
    void xValuesFillACustomTemplate(QuarkusMainLauncher launcher) throws IOException {
        Project p = project("");
        Files.writeString(tmp.resolve("migrations/script.sql.tmpl"), """
                -- revision: ${revision}
                -- down_revision: ${down_revision}
                -- message: ${message}

                -- migrate:upgrade
                -- for ticket ${x.ticket}
                ${upgrade}

                -- migrate:downgrade
                ${downgrade}
                """);
        Path file = created(ok(p.run(launcher, "-x", "ticket=OPS-42", "revision", "-m", "with ticket", "--format", "sql")));
        assertTrue(Files.readString(file).contains("-- for ticket OPS-42"), Files.readString(file));
        assertFalse(Files.readString(file).contains("${"), Files.readString(file));
    }

    @Test
    void messageIsRequired(QuarkusMainLauncher launcher) {
        Project p = project("");
        String err = fails(p.run(launcher, "revision"), 2);
        assertTrue(err.contains("--message") || err.contains("-m"), err);
    }
}
