package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.Outcomes;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class UsageErrorsTest {
    @TempDir
    Path tmp;

    private Project project() {
        return new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
    }

    private static String firstLine(String text) {
        return text.strip().split("\n")[0];
    }

    @Test
    void anUnknownCommandIsAUsageError(QuarkusMainLauncher launcher) {
        String err = fails(launcher.launch("frobnicate"), 2);
        assertEquals("ERROR: unknown command 'frobnicate'", firstLine(err));
        assertTrue(err.strip().split("\n").length <= 2, err);
        String typo = fails(project().run(launcher, "histroy"), 2);
        assertTrue(firstLine(typo).startsWith("ERROR: unknown command 'histroy'; did you mean: history"), typo);
    }

    @Test
    void noCommandAtAllIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch();
        assertEquals(2, r.exitCode(), Outcomes.describe(r));
        assertFalse((r.getOutput() + r.getErrorOutput()).contains("Exception"), Outcomes.describe(r));
        assertTrue(r.getErrorOutput().contains("Missing required subcommand") && r.getErrorOutput().contains("migrate --help"),
                Outcomes.describe(r));
    }

    @Test
    void anUnknownOptionIsAUsageError(QuarkusMainLauncher launcher) {
        String err = fails(project().run(launcher, "history", "--frobnicate"), 2);
        assertTrue(firstLine(err).contains("--frobnicate"), err);
        assertTrue(err.strip().split("\n").length <= 2, err);
    }

    @Test
    void aMissingRequiredOptionIsAUsageError(QuarkusMainLauncher launcher) {
        String err = fails(project().run(launcher, "revision"), 2);
        assertTrue(firstLine(err).contains("--message"), err);
    }

    @Test
    void helpAndVersion(QuarkusMainLauncher launcher) {
        String help = ok(launcher.launch("--help"));
        for (String command : new String[] {"init", "revision", "merge", "upgrade", "downgrade", "current", "history", "heads", "branches",
                "show", "stamp", "edit", "list-templates"}) {
            assertTrue(help.contains(" " + command), command + " in\n" + help);
        }
        for (String command : new String[] {"init", "upgrade", "downgrade", "current", "stamp", "check", "inspect", "revision"}) {
            String usage = ok(launcher.launch(command, "--help"));
            assertTrue(usage.startsWith("Usage: migrate " + command), command + " --help:\n" + usage);
            assertEquals(usage, ok(launcher.launch("help", command)), "migrate help " + command);
        }
        String version = ok(launcher.launch("--version")).strip();
        assertTrue(version.matches("migrate \\S+"), version);
    }

    @Test
    void aNormalRunPrintsNothingButItsOwnOutput(QuarkusMainLauncher launcher) {
        Project p = project();
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        LaunchResult r = p.run(launcher, "history");
        ok(r);
        assertEquals("", r.getErrorOutput().strip(), Outcomes.describe(r));
        assertFalse(r.getOutput().contains("Quarkus") || r.getOutput().contains("INFO"), Outcomes.describe(r));
        ok(p.run(launcher, "upgrade"));
        LaunchResult db = p.run(launcher, "current");
        ok(db);
        assertFalse(db.getErrorOutput().contains("INFO") || db.getErrorOutput().contains("Quarkus"), Outcomes.describe(db));
    }

    @Test
    void badYamlNamesFileAndLine(QuarkusMainLauncher launcher) {
        Project p = project();
        Path bad = p.file("a1_bad.yaml", "revision: a1\ndown_revision: null\nmessage: [unclosed\nupgrade: []\n");
        String err = fails(p.run(launcher, "history"), 1);
        assertTrue(err.contains(bad.getFileName().toString() + ":"), err);
    }

    @Test
    void sqlWithoutAnUpgradeSectionNamesTheFile(QuarkusMainLauncher launcher) {
        Project p = project();
        Path bad = p.file("a1_bad.sql", "-- revision: a1\n-- message: nothing\n\nCREATE TABLE t (id INTEGER);\n");
        String err = fails(p.run(launcher, "heads"), 1);
        assertTrue(err.contains(bad.getFileName().toString()), err);
        assertTrue(err.contains("upgrade"), err);
    }

    @Test
    void duplicateIdsNameBothFiles(QuarkusMainLauncher launcher) {
        Project p = project();
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        p.file("a1_again.yaml", "revision: a1\ndown_revision: null\nmessage: again\nupgrade: []\n");
        String err = fails(p.run(launcher, "history"), 1);
        assertTrue(err.contains("a1_rev.sql") && err.contains("a1_again.yaml"), err);
    }

    @Test
    void aMissingDownRevisionNamesTheFileAndTheId(QuarkusMainLauncher launcher) {
        Project p = project();
        Path orphan = p.sql("b2", "zz9", "SELECT 1;", "SELECT 1;");
        String err = fails(p.run(launcher, "heads"), 1);
        assertTrue(err.contains(orphan.getFileName().toString()) && err.contains("zz9"), err);
    }

    @Test
    void aCycleNamesItsFiles(QuarkusMainLauncher launcher) {
        Project p = project();
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        p.sql("b2", "c3", "SELECT 1;", "SELECT 1;");
        p.sql("c3", "b2", "SELECT 1;", "SELECT 1;");
        String err = fails(p.run(launcher, "history"), 1);
        assertTrue(err.toLowerCase().contains("cycle"), err);
        assertTrue(err.contains("b2_rev.sql") || err.contains("c3_rev.sql"), err);
    }

    /**
     * --concurrency is checked whatever the command and however many databases, not only when it
     * would be used: after a command that runs against several, and before any command.
     */
    @Test
    void aConcurrencyBelowOneOrNotANumberIsAUsageError(QuarkusMainLauncher launcher) {
        Project p = project();
        for (String[] args : List.of(new String[] {"current"}, new String[] {"upgrade", "--url", "sqlite://"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--concurrency", "0"));
            String err = fails(p.run(launcher, all.toArray(String[]::new)), 2);
            assertTrue(err.contains("--concurrency must be 1 or more, not 0"), err);
        }
        assertTrue(fails(p.run(launcher, "--concurrency", "0", "heads"), 2).contains("--concurrency must be 1 or more, not 0"));
        String err = fails(p.run(launcher, "current", "--concurrency", "many"), 2);
        assertTrue(err.contains("--concurrency") && err.contains("many"), err);
        assertFalse(Files.exists(tmp.resolve("app.db")));
    }

    @Test
    void aMissingConfigFileIsNamed(QuarkusMainLauncher launcher) {
        String missing = tmp.resolve("missing.yaml").toString();
        String err = fails(launcher.launch("-c", missing, "heads"), 1);
        assertTrue(err.contains("missing.yaml"), err);
    }

    @Test
    void anUnknownConfigKeyNamesFileAndLine(QuarkusMainLauncher launcher) throws Exception {
        Path config = Files.writeString(tmp.resolve("migrate.yaml"), "script_location: migrations\nurl: sqlite://\nscript_locaton: x\n");
        String err = fails(launcher.launch("-c", config.toString(), "heads"), 1);
        assertTrue(err.contains("migrate.yaml:3"), err);
        assertTrue(err.contains("script_locaton"), err);
    }

    @Test
    void aPasswordNeverAppearsEvenWhenTheConnectionFails(QuarkusMainLauncher launcher) {
        Project p = new Project(tmp, "postgresql://app:s3cret-pw@127.0.0.1:1/appdb", "connect: {wait: 0s, timeout: 2s}\n");
        p.sql("a1", null, "SELECT 1;", "SELECT 1;");
        LaunchResult r = p.run(launcher, "current");
        fails(r, 1);
        assertFalse((r.getOutput() + r.getErrorOutput()).contains("s3cret-pw"), Outcomes.describe(r));
        assertTrue(r.getErrorOutput().contains("127.0.0.1"), Outcomes.describe(r));

        LaunchResult verbose = p.run(launcher, "-v", "current");
        assertEquals(1, verbose.exitCode(), Outcomes.describe(verbose));
        assertFalse((verbose.getOutput() + verbose.getErrorOutput()).contains("s3cret-pw"), Outcomes.describe(verbose));

        LaunchResult url = p.run(launcher, "--url", "postgresql://app:s3cret-pw@127.0.0.1:1/other", "upgrade", "head");
        assertEquals(1, url.exitCode(), Outcomes.describe(url));
        assertFalse((url.getOutput() + url.getErrorOutput()).contains("s3cret-pw"), Outcomes.describe(url));
    }

    @Test
    void anUnparseableUrlDoesNotEchoThePassword(QuarkusMainLauncher launcher) {
        Project p = new Project(tmp, "postgresql://app:s3cret-pw@127.0.0.1:notaport/appdb");
        LaunchResult r = p.run(launcher, "current");
        assertTrue(r.exitCode() != 0, Outcomes.describe(r));
        assertFalse((r.getOutput() + r.getErrorOutput()).contains("s3cret-pw"), Outcomes.describe(r));
    }
}
