package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** What the command line says about itself: help texts, completion scripts, and stack traces only on request. */
@QuarkusMainTest
class HelpAndDebugTest {
    @TempDir
    Path tmp;

    @Test
    void theTagHelpShowsTheVariableItSets(QuarkusMainLauncher launcher) {
        String help = ok(launcher.launch("upgrade", "--help"));
        assertTrue(help.contains("read as ${x.tag}"), help);
        assertFalse(help.contains("read as null"), help);
    }

    /** Each command's help lists the options it takes, not those of migrate it ignores (CommandOptionsTest has them all). */
    @Test
    void eachCommandsHelpListsItsOwnOptions(QuarkusMainLauncher launcher) {
        String init = ok(launcher.launch("init", "--help"));
        assertFalse(init.contains("--url") || init.contains("--lock-timeout") || init.contains("--config"), init);
        assertTrue(init.contains("--template") && init.contains("--quiet"), init);
        String upgrade = ok(launcher.launch("upgrade", "--help"));
        assertTrue(upgrade.contains("--url=URL") && upgrade.contains("--lock-timeout=DURATION") && upgrade.contains("--config=FILE"), upgrade);
        String heads = ok(launcher.launch("heads", "--help"));
        assertFalse(heads.contains("--url") || heads.contains("--lock-timeout"), heads);
        assertTrue(fails(launcher.launch("init", "--url", "sqlite://"), 2).matches("(?s).*Unknown options?: '--url'.*"));
    }

    @Test
    void completionScriptsForBashZshAndFish(QuarkusMainLauncher launcher) {
        String bash = ok(launcher.launch("completion", "bash"));
        assertTrue(bash.contains("complete -F") && bash.contains("upgrade") && bash.contains("--lock-timeout"), bash);
        String zsh = ok(launcher.launch("completion", "zsh"));
        assertTrue(zsh.contains("bashcompinit"), zsh);
        String fish = ok(launcher.launch("completion", "fish"));
        assertTrue(fish.contains("complete -c migrate -n 'not __fish_seen_subcommand_from"), fish);
        assertTrue(fish.contains("-a upgrade -d 'Upgrade"), fish);
        assertTrue(fish.contains("complete -c migrate -n '__fish_seen_subcommand_from current' -l check-heads"), fish);
        assertTrue(fish.contains("complete -c migrate -n '__fish_seen_subcommand_from upgrade' -l lock-timeout -r"), fish);
        assertFalse(fish.contains("'__fish_seen_subcommand_from init' -l lock-timeout"), fish);
        assertFalse(fish.contains("$${"), fish);
        fails(launcher.launch("completion", "powershell"), 2);
    }

    @Test
    void aStackTraceOnlyWithDebug(QuarkusMainLauncher launcher) {
        Project project = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        project.sql("a1", null, "INSERT INTO missing_table VALUES (1);", "SELECT 1;");
        String verbose = fails(project.run(launcher, "-v", "upgrade"), 1);
        assertTrue(verbose.contains("no such table: missing_table"), verbose);
        assertFalse(verbose.contains("\tat "), verbose);
        LaunchResult run = project.run(launcher, "--debug", "upgrade");
        assertEquals(1, run.exitCode());
        String debug = run.getErrorOutput();
        assertTrue(debug.contains("no such table: missing_table"), debug);
        assertTrue(debug.contains("\tat dev.migrate."), debug);
    }
}
