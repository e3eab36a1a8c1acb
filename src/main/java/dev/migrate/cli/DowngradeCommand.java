package dev.migrate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code migrate downgrade TARGET}: reverts revisions down to TARGET; with {@code --sql}, prints the
 * SQL for {@code START:TARGET} instead (the start is required: there is no database to read it from).
 */
@Command(name = "downgrade", description = "Revert the database to an earlier revision.")
public class DowngradeCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin MigrationOptions migration;
    @Mixin ValuesOption values;
    @Mixin TagOption tag;

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "-1, base, a revision, <branch>@base, ...; with --sql START:TARGET.")
    String target;

    @Mixin SqlOptions sql;

    @Override
    public Integer call() {
        return MigrationRun.migrate(root, sql, "downgrade", target);
    }
}
