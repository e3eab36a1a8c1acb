package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import dev.migrate.MigrateException;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code migrate} command: every option any command takes, so that they may stand before the
 * command's name ({@code migrate --url X upgrade}), and the subcommand list. Each subcommand
 * declares again the options it uses, and only those, so its help is about it; {@link RunOptions}
 * folds both places into the options of the run.
 */
@TopCommand
// scope = INHERIT gives every subcommand --help (and --version), as the usage errors tell users to run it.
@Command(name = "migrate", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "Database schema migrations with Alembic's model, for PostgreSQL and SQLite."
                + " The options below may also be given after the command; 'migrate COMMAND --help' lists those it takes.",
        subcommands = {
                InitCommand.class, ListTemplatesCommand.class, RevisionCommand.class, MergeCommand.class,
                UpgradeCommand.class, DowngradeCommand.class, CurrentCommand.class, HistoryCommand.class,
                HeadsCommand.class, BranchesCommand.class, ShowCommand.class, StampCommand.class,
                EditCommand.class, EnsureVersionCommand.class, ImportAlembicCommand.class, ValidateCommand.class, InspectCommand.class,
                CheckCommand.class, CompletionCommand.class, LintCommand.class,
                HelpCommand.class
        })
public class MigrateCommand {
    @Mixin ConfigOption config;
    @Mixin DatabaseOptions database;
    @Mixin ManyDatabasesOptions manyDatabases;
    @Mixin ValuesOption values;
    @Mixin LockOption lock;
    @Mixin OutputOptions output;
    @Mixin VerboseOption verbose;
    @Mixin JsonOption json;

    @Spec
    CommandSpec spec;

    @Inject
    VertxHolder vertx;

    /** For CDI, which injects {@link #vertx}. */
    public MigrateCommand() {
    }

    /** For a run without CDI (see {@link CommandLineFactory#standalone}). */
    MigrateCommand(VertxHolder vertx) {
        this.vertx = vertx;
    }

    private Workspace workspace;

    /**
     * The environment of this run, built on first use so commands that need nothing pay nothing.
     * Options every command takes are checked here, so a wrong one is refused whatever the command.
     */
    Workspace workspace() {
        if (workspace == null) {
            RunOptions options = options();
            if (options.concurrency() < 1) {
                throw MigrateException.usage("--concurrency must be 1 or more, not " + options.concurrency());
            }
            workspace = new Workspace(options, vertx);
        }
        return workspace;
    }

    /** The options of this run: this command's, then those of the subcommand that runs. */
    RunOptions options() {
        List<Object> holders = new ArrayList<>();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (CommandLine.ParseResult r = parsed; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
            addMixins(r.commandSpec(), holders);
        }
        return RunOptions.of(holders);
    }

    /** The objects holding the mixins of {@code spec}, those a mixin holds included ({@link MigrationOptions}). */
    private static void addMixins(CommandSpec spec, List<Object> holders) {
        for (CommandSpec mixin : spec.mixins().values()) {
            holders.add(mixin.userObject());
            addMixins(mixin, holders);
        }
    }
}
