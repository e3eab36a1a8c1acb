package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import dev.migrate.MigrateException;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code migrate} command: global options, inherited by every subcommand, and the subcommand list. */
@TopCommand
// scope = INHERIT gives every subcommand --help (and --version), as the usage errors tell users to run it.
@Command(name = "migrate", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "Database schema migrations with Alembic's model, for PostgreSQL and SQLite.",
        subcommands = {
                InitCommand.class, ListTemplatesCommand.class, RevisionCommand.class, MergeCommand.class,
                UpgradeCommand.class, DowngradeCommand.class, CurrentCommand.class, HistoryCommand.class,
                HeadsCommand.class, BranchesCommand.class, ShowCommand.class, StampCommand.class,
                EditCommand.class, EnsureVersionCommand.class, ImportAlembicCommand.class, ValidateCommand.class, InspectCommand.class,
                CheckCommand.class, CompletionCommand.class, LintCommand.class,
                HelpCommand.class
        })
public class MigrateCommand {
    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default: $MIGRATE_CONFIG, else ./migrate.yaml).")
    String config;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Database URL; overrides the configuration and $DATABASE_URL. Repeatable for upgrade,"
                    + " downgrade, stamp, current and check, which then run against each.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--url-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "upgrade, downgrade, stamp, current, check: run against every URL of FILE, one per line"
                    + " (# comments, $${VAR} expanded).")
    String urlFile;

    @Option(names = "--concurrency", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "With several databases: how many run at once (default: ${DEFAULT-VALUE}).")
    int concurrency = ManyDatabases.DEFAULT_CONCURRENCY;

    @Option(names = "-x", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "A value for templates and SQL revisions ($${x.KEY}); repeatable.")
    List<String> x = new ArrayList<>();

    @Option(names = "--wait", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "Keep retrying the connection this long while the database is not up (connect.wait; e.g. 60s).")
    String connectWait;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "How long upgrade, downgrade and stamp wait for the migration lock (lock_timeout; e.g. 60s).")
    String lockTimeout;

    @Option(names = "--ddl-lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "On PostgreSQL, how long each migration statement waits for its table lock before its revision"
                    + " is rolled back and retried (ddl_lock_timeout; e.g. 5s, off).")
    String ddlLockTimeout;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only data and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail.")
    boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "After an error's message, its Java stack trace, for a bug report (also $$MIGRATE_DEBUG=1).")
    boolean debug;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine-readable output where a command prints data.")
    boolean json;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour the output.")
    boolean noColor;

    @Inject
    VertxHolder vertx;

    private Workspace workspace;

    /**
     * The environment of this run, built on first use so commands that need nothing pay nothing.
     * Options every command takes are checked here, so a wrong one is refused whatever the command.
     */
    Workspace workspace() {
        if (workspace == null) {
            if (concurrency < 1) throw MigrateException.usage("--concurrency must be 1 or more, not " + concurrency);
            workspace = new Workspace(this, vertx);
        }
        return workspace;
    }
}
