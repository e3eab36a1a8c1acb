package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each command takes, and its help lists, the options of migrate it uses and no other; every one
 * of them may also stand before the command's name, and the two places add up. Read from the
 * same command model the binary parses with (no Quarkus needed to build it).
 */
class CommandOptionsTest {
    /** The options of migrate that only some commands use, by their longest name. */
    private static final List<String> GLOBAL = List.of("--config", "-x", "--url", "--wait", "--url-file", "--concurrency",
            "--lock-timeout", "--ddl-lock-timeout", "--quiet", "--debug", "--no-color", "--verbose", "--json", "--tag");

    private static final Map<String, Set<String>> USES = new LinkedHashMap<>();

    static {
        Set<String> migrates = Set.of("--config", "-x", "--url", "--wait", "--url-file", "--concurrency", "--lock-timeout",
                "--ddl-lock-timeout", "--quiet", "--debug", "--no-color", "--verbose", "--json", "--tag");
        USES.put("init", Set.of("--quiet", "--debug", "--no-color"));
        USES.put("list-templates", Set.of("--quiet", "--debug", "--no-color", "--json"));
        USES.put("revision", Set.of("--config", "-x", "--url", "--wait", "--quiet", "--debug", "--no-color", "--json"));
        USES.put("merge", Set.of("--config", "-x", "--quiet", "--debug", "--no-color", "--json"));
        USES.put("upgrade", migrates);
        USES.put("downgrade", migrates);
        USES.put("stamp", Set.of("--config", "--url", "--wait", "--url-file", "--concurrency", "--lock-timeout",
                "--ddl-lock-timeout", "--quiet", "--debug", "--no-color", "--verbose", "--json", "--tag"));
        USES.put("current", Set.of("--config", "--url", "--wait", "--url-file", "--concurrency", "--quiet", "--debug", "--no-color", "--verbose", "--json"));
        USES.put("check", Set.of("--config", "--url", "--wait", "--url-file", "--concurrency", "--quiet", "--debug", "--no-color", "--verbose", "--json"));
        USES.put("history", Set.of("--config", "--url", "--wait", "--quiet", "--debug", "--no-color", "--verbose", "--json"));
        USES.put("heads", Set.of("--config", "--quiet", "--debug", "--no-color", "--verbose", "--json"));
        USES.put("branches", Set.of("--config", "--quiet", "--debug", "--no-color", "--verbose", "--json"));
        USES.put("show", Set.of("--config", "-x", "--quiet", "--debug", "--no-color", "--json"));
        USES.put("edit", Set.of("--config", "--quiet", "--debug", "--no-color"));
        USES.put("ensure-version", Set.of("--config", "--url", "--wait", "--quiet", "--debug", "--no-color"));
        USES.put("import-alembic", Set.of("--quiet", "--debug", "--no-color", "--json"));
        USES.put("validate", Set.of("--config", "--url", "--wait", "--quiet", "--debug", "--no-color", "--json"));
        USES.put("inspect", Set.of("--config", "--url", "--wait", "--quiet", "--debug", "--no-color", "--json"));
        USES.put("lint", Set.of("--config", "-x", "--url", "--wait", "--quiet", "--debug", "--no-color", "--verbose", "--json"));
        USES.put("completion", Set.of());
    }

    private static CommandLine migrate() {
        return new CommandLine(new MigrateCommand());
    }

    @Test
    void everyCommandIsInTheTable() {
        Set<String> commands = new java.util.TreeSet<>(migrate().getSubcommands().keySet());
        commands.removeIf(name -> name.contains("_") || name.equals("help"));
        assertEquals(new java.util.TreeSet<>(USES.keySet()), commands);
    }

    @Test
    void eachCommandTakesAndListsOnlyTheOptionsItUses() {
        CommandLine migrate = migrate();
        for (Map.Entry<String, Set<String>> e : USES.entrySet()) {
            CommandLine command = migrate.getSubcommands().get(e.getKey());
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String option : GLOBAL) {
                OptionSpec spec = command.getCommandSpec().findOption(option);
                boolean uses = e.getValue().contains(option);
                assertEquals(uses, spec != null, e.getKey() + " " + (uses ? "takes " : "does not take ") + option);
                if (spec != null) assertTrue(help.contains(spec.longestName() + (spec.arity().max() > 0 ? "=" : "")),
                        e.getKey() + " --help lists " + option + ":\n" + help);
            }
            assertTrue(help.contains("-h, --help"), e.getKey() + ":\n" + help);
        }
    }

    @Test
    void theHelpOfInitListTemplatesAndCompletionSaysNothingOfDatabases() {
        CommandLine migrate = migrate();
        for (String command : List.of("init", "list-templates", "completion")) {
            String help = migrate.getSubcommands().get(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String word : List.of("--url", "--lock-timeout", "--wait", "--concurrency", "--config")) {
                assertFalse(help.contains(word), command + " --help shows " + word + ":\n" + help);
            }
        }
        String upgrade = migrate.getSubcommands().get("upgrade").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(upgrade.contains("--url=URL") && upgrade.contains("--lock-timeout=DURATION"), upgrade);
    }

    @Test
    void migrateItselfListsEveryOption() {
        String help = migrate().getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (String option : GLOBAL) {
            if (!option.equals("--tag")) assertTrue(help.contains(option), option + " in:\n" + help);
        }
        assertTrue(help.contains("--no-color"), "a global option of the contract is listed:\n" + help);
    }

    /**
     * Upgrade and downgrade give --tag to the revisions as ${x.tag}; stamp takes it, as Alembic's
     * scripts pass it, but runs no revision: its help says it is ignored, and it sets no value.
     */
    @Test
    void stampAcceptsTagAndSaysItIgnoresIt() {
        CommandLine migrate = migrate();
        for (String command : List.of("upgrade", "downgrade")) {
            String description = String.join(" ", migrate.getSubcommands().get(command).getCommandSpec().findOption("--tag").description());
            assertTrue(description.contains("${x.tag}"), command + ": " + description);
        }
        String stamp = String.join(" ", migrate.getSubcommands().get("stamp").getCommandSpec().findOption("--tag").description());
        assertTrue(stamp.contains("ignored") && !stamp.contains("x.tag"), stamp);
        assertEquals(List.of(), parsed("stamp", "head", "--tag", "t").x());
        assertEquals(List.of("tag=t"), parsed("upgrade", "--tag", "t").x());
    }

    private static RunOptions parsed(String... args) {
        MigrateCommand root = new MigrateCommand();
        new CommandLine(root).parseArgs(args);
        return root.options();
    }

    @Test
    void optionsBeforeAndAfterTheCommandAddUp() {
        RunOptions o = parsed("--url", "sqlite:///a.db", "-x", "k=1", "-c", "before.yaml", "--lock-timeout", "1s", "-q",
                "upgrade", "head", "--url", "sqlite:///b.db", "-x", "k=2", "--tag", "t", "--lock-timeout", "2s", "--json",
                "--concurrency", "3");
        assertEquals(List.of("sqlite:///a.db", "sqlite:///b.db"), o.urls());
        assertEquals(List.of("tag=t", "k=1", "k=2"), o.x(), "--tag first, then -x in order: the later one wins");
        assertEquals("before.yaml", o.config());
        assertEquals("2s", o.lockTimeout(), "the value after the command wins");
        assertTrue(o.quiet() && o.json());
        assertEquals(3, o.concurrency());
        assertEquals(ManyDatabases.DEFAULT_CONCURRENCY, parsed("upgrade").concurrency());
        assertEquals(List.of("sqlite:///a.db"), parsed("--url", "sqlite:///a.db", "current").urls());
        assertEquals(List.of("sqlite:///a.db"), parsed("current", "--url", "sqlite:///a.db").urls());
        assertTrue(parsed("-v", "history").verbose() && parsed("history", "-v").verbose());
    }

    @Test
    void anOptionTheCommandIgnoresIsRefusedAfterIt() {
        CommandLine.UnmatchedArgumentException e = assertThrows(CommandLine.UnmatchedArgumentException.class,
                () -> migrate().parseArgs("init", "--url", "sqlite:///a.db"));
        assertTrue(e.getMessage().contains("--url"), e.getMessage());
        assertThrows(CommandLine.UnmatchedArgumentException.class, () -> migrate().parseArgs("heads", "--lock-timeout", "1s"));
        // before the command, migrate takes every option whatever the command, as it always did
        assertNotNull(parsed("--url", "sqlite:///a.db", "init"));
        assertTrue(parsed("init", "--no-color").x().isEmpty(), "--no-color is accepted");
    }

    @Test
    void theBashAndFishScriptsCompleteEachCommandsOwnOptions() {
        CommandLine migrate = migrate();
        String fish = FishCompletion.script(migrate.getCommandSpec());
        assertTrue(fish.contains("complete -c migrate -n '__fish_seen_subcommand_from upgrade' -l lock-timeout -r"), fish);
        assertFalse(fish.contains("'__fish_seen_subcommand_from init' -l url"), fish);
        assertFalse(fish.contains("'__fish_seen_subcommand_from init' -l lock-timeout"), fish);
        List<String> everywhere = new ArrayList<>();
        for (String line : fish.split("\n")) if (line.startsWith("complete -c migrate -l ") || line.startsWith("complete -c migrate -s ")) everywhere.add(line);
        for (String line : everywhere) {
            assertTrue(line.contains("-l help") || line.contains("-l version"), "only help and version go everywhere: " + line);
        }
        String bash = picocli.AutoComplete.bash("migrate", migrate);
        CommandSpec init = migrate.getSubcommands().get("init").getCommandSpec();
        assertNotNull(init);
        int start = bash.indexOf("function _picocli_migrate_init()");
        assertTrue(start >= 0, bash);
        String initFunction = bash.substring(start, bash.indexOf("\n}", start));
        assertFalse(initFunction.contains("--url") || initFunction.contains("--lock-timeout"), initFunction);
        int upgradeStart = bash.indexOf("function _picocli_migrate_upgrade()");
        assertTrue(bash.substring(upgradeStart, bash.indexOf("\n}", upgradeStart)).contains("--lock-timeout"), bash);
    }
}
