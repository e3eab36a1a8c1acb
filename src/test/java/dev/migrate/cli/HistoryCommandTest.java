package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.CliTest;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class HistoryCommandTest {
    @TempDir
    Path tmp;

    private Project linear() {
        Project p = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        p.sql("a1", null, "CREATE TABLE t (id INTEGER);", "DROP TABLE t;");
        p.sql("b2", "a1", "ALTER TABLE t ADD COLUMN x INTEGER;", "SELECT 1;");
        p.sql("c3", "b2", "ALTER TABLE t ADD COLUMN y INTEGER;", "SELECT 1;");
        return p;
    }

    @Test
    void linearHistoryIsNewestFirstInAlembicsFormat(QuarkusMainLauncher launcher) {
        String out = ok(linear().run(launcher, "history"));
        assertEquals("b2 -> c3 (head), revision c3\na1 -> b2, revision b2\n<base> -> a1, revision a1", out.strip());
    }

    @Test
    void branchPointsMergePointsAndLabelsAreMarked(QuarkusMainLauncher launcher) {
        Project p = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        p.yaml("b1", "a1", "branch_labels: [feature]\n");
        p.sql("c1", "a1", "SELECT 1;", "SELECT 1;");
        p.sql("m1", "b1,c1", "SELECT 1;", "SELECT 1;");
        String out = ok(p.run(launcher, "history"));
        String[] lines = out.strip().split("\n");
        assertEquals(4, lines.length, out);
        // The label reaches the merge above b1, as Alembic shows it.
        assertEquals("b1, c1 -> m1 (feature) (head) (mergepoint), revision m1", lines[0]);
        assertTrue(out.contains("\na1 -> b1 (feature), revision b1\n"), out);
        assertTrue(out.contains("\na1 -> c1, revision c1\n"), out);
        assertEquals("<base> -> a1 (branchpoint), revision a1", lines[3]);
    }

    @Test
    void rangesSelectAPartAndRefuseANonAncestor(QuarkusMainLauncher launcher) {
        Project p = linear();
        assertEquals("a1 -> b2, revision b2\n<base> -> a1, revision a1", ok(p.run(launcher, "history", "-r", "base:b2")).strip());
        // both ends are included, as in Alembic
        assertEquals("b2 -> c3 (head), revision c3\na1 -> b2, revision b2", ok(p.run(launcher, "history", "-r", "b2:")).strip());
        assertEquals("a1 -> b2, revision b2", ok(p.run(launcher, "history", "-r", "b2:b2")).strip());

        p.sql("x1", "a1", "SELECT 1;", "SELECT 1;");
        String err = fails(p.run(launcher, "history", "-r", "x1:c3"), 1);
        assertTrue(err.contains("x1") && err.contains("c3"), err);
        assertTrue(err.toLowerCase().contains("ancestor"), err);
    }

    /** The database is a port nothing listens on: a command that tries to connect fails. */
    @Test
    void onlyARangeEndThatIsCurrentConnects(QuarkusMainLauncher launcher) {
        Project p = new Project(tmp, "postgresql://nobody@127.0.0.1:1/none");
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        p.sql("recurrent", "a1", "SELECT 1;", "SELECT 1;");
        p.yaml("b2", "recurrent", "branch_labels: [current_work]\n");
        // The label reaches down the plain chain to the base, as Alembic propagates it.
        assertEquals("a1 -> recurrent (current_work), revision recurrent\n<base> -> a1 (current_work), revision a1",
                ok(p.run(launcher, "history", "-r", "base:recurrent")).strip());
        assertEquals("recurrent -> b2 (current_work) (head), revision b2", ok(p.run(launcher, "history", "-r", "current_work@head:")).strip());
        for (String range : List.of("current:", ":current", "base:current")) {
            String err = fails(p.run(launcher, "history", "-r", range), 1);
            assertTrue(err.contains("cannot connect to postgresql://nobody@127.0.0.1:1/none"), err);
        }
    }

    @Test
    void labelsShowOnEveryRevisionOfTheirBranchAsInAlembic(QuarkusMainLauncher launcher) {
        Project p = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        p.yaml("b1", "a1", "branch_labels: [feature]\n");
        p.sql("b2", "b1", "SELECT 1;", "SELECT 1;");
        p.sql("c1", "a1", "SELECT 1;", "SELECT 1;");
        p.yaml("d1", null, "depends_on: [c1]\n");
        String out = ok(p.run(launcher, "history"));
        // b1's label reaches b2 above it; c1 is needed by d1 only through depends_on: a head, but only an effective one.
        assertTrue(out.contains("b1 -> b2 (feature) (head), revision b2\n"), out);
        assertTrue(out.contains("a1 -> b1 (feature), revision b1\n"), out);
        assertTrue(out.contains("a1 -> c1 (effective head), revision c1\n"), out);
        assertTrue(out.contains("<base> (c1) -> d1 (head), revision d1\n"), out);
        assertTrue(out.contains("<base> -> a1 (branchpoint), revision a1"), out);
        String verbose = ok(p.run(launcher, "history", "-v"));
        assertTrue(verbose.contains("Rev: b2 (head)\nParent: b1\nBranch names: feature\n"), verbose);
        assertTrue(verbose.contains("Rev: c1 (head)\nParent: a1\nPath: "), verbose);
    }

    @Test
    void verboseBlocksShowParentsPathAndHeader(QuarkusMainLauncher launcher) {
        Project p = linear();
        String out = ok(p.run(launcher, "history", "-v"));
        String expectedB2 = "Rev: b2\nParent: a1\nPath: " + p.versions().resolve("b2_rev.sql") + "\n\n    revision b2\n\n"
                + "    Revision ID: b2\n    Revises: a1\n    Create Date: \n";
        assertTrue(out.contains(expectedB2), out);
        assertTrue(out.startsWith("Rev: c3 (head)\nParent: b2\n"), out);
        assertTrue(out.contains("Rev: a1\nParent: <base>\n"), out);
        assertTrue(out.indexOf("Rev: c3") < out.indexOf("Rev: b2") && out.indexOf("Rev: b2") < out.indexOf("Rev: a1"), out);
    }

    @Test
    void jsonListsEveryRevisionWithItsFields(QuarkusMainLauncher launcher) {
        String out = ok(linear().run(launcher, "--json", "history")).strip();
        assertTrue(out.startsWith("[{") && out.endsWith("}]"), out);
        for (String field : new String[] {"\"revision\":\"c3\"", "\"down_revision\":\"b2\"", "\"down_revision\":null", "\"message\":\"revision a1\"",
                "\"branch_labels\":[]", "\"depends_on\":[]", "\"path\":", "\"is_head\":true", "\"is_head\":false", "\"is_current\":false"}) {
            assertTrue(out.contains(field), field + " in " + out);
        }
        assertTrue(out.indexOf("\"c3\"") < out.indexOf("\"revision\":\"a1\""), out);
    }

    @Test
    void indicateCurrentReadsTheDatabase(QuarkusMainLauncher launcher) {
        Project p = linear();
        ok(p.run(launcher, "upgrade", "b2"));
        String out = ok(p.run(launcher, "history", "-i"));
        assertTrue(out.contains("a1 -> b2 (current), revision b2"), out);
        assertTrue(out.contains("b2 -> c3 (head), revision c3"), out);
    }
}
