package dev.migrate.cli;

import java.util.concurrent.Callable;

import dev.migrate.engine.HistoryTable;
import io.smallrye.mutiny.Uni;
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
        HistoryTable history = ws.historyTable();
        ws.withDatabaseCreating(db -> ws.versionTable().create(db).flatMap(v -> history == null ? Uni.createFrom().voidItem() : history.create(db)));
        ws.log("Version table " + ws.versionTable().qualifiedName() + " is present"
                + (history == null ? "." : ", and history table " + history.qualifiedName() + "."));
        return 0;
    }
}
