package dev.migrate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code migrate ensure-version}: creates the version table when it is missing. */
@Command(name = "ensure-version", aliases = "ensure_version", description = "Create the version table if it does not exist.")
public class EnsureVersionCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        ws.withDatabase(db -> ws.versionTable().create(db));
        ws.log("Version table " + ws.versionTable().qualifiedName() + " is present.");
        return 0;
    }
}
