package dev.migrate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code migrate ensure-version}: creates the version table, and the history table unless disabled, when missing. */
@Command(name = "ensure-version", aliases = "ensure_version", description = "Create the version (and history) table if it does not exist.")
public class EnsureVersionCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        // No check that a SQLite file exists: this command may create it.
        ws.await(ws.operations().ensureVersion());
        return 0;
    }
}
