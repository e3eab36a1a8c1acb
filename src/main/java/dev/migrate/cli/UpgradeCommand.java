package dev.migrate.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.migrate.graph.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code migrate upgrade [TARGET]}: applies the revisions between the database's heads and TARGET. */
@Command(name = "upgrade", description = "Upgrade the database to a later revision (default: head).")
public class UpgradeCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "head, heads, a revision, +N, <branch>@head, ... (default: head).")
    String target = "head";

    @Override
    public Integer call() {
        List<Step> done = Runs.migrate(root.workspace(), (graph, current) -> graph.upgrade(current, target));
        if (done.isEmpty()) root.workspace().log("Nothing to upgrade: the database is already at " + target + ".");
        return 0;
    }
}
