package dev.migrate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code migrate upgrade [TARGET]}: applies the revisions between the database's heads and TARGET;
 * with {@code --sql}, prints the SQL instead, for a database at base or at the start of
 * {@code START:TARGET}.
 */
@Command(name = "upgrade", description = "Upgrade the database to a later revision (default: head).")
public class UpgradeCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin MigrationOptions migration;
    @Mixin ValuesOption values;
    @Mixin TagOption tag;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "head, heads, a revision, +N, <branch>@head, ... (default: head); with --sql also START:TARGET.")
    String target = "head";

    @Mixin SqlOptions sql;

    @Override
    public Integer call() {
        return MigrationRun.migrate(root, sql, "upgrade", target);
    }
}
