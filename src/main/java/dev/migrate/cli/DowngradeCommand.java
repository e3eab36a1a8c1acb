package dev.migrate.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.migrate.graph.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code migrate downgrade TARGET}: reverts revisions down to TARGET. */
@Command(name = "downgrade", description = "Revert the database to an earlier revision.")
public class DowngradeCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    @Parameters(index = "0", paramLabel = "TARGET", description = "-1, base, a revision, <branch>@base, ...")
    String target;

    @Override
    public Integer call() {
        List<Step> done = Runs.migrate(root.workspace(), (graph, current) -> graph.downgrade(current, target));
        if (done.isEmpty()) root.workspace().log("Nothing to downgrade: the database is already at " + target + ".");
        return 0;
    }
}
