package dev.migrate.cli;

import java.util.concurrent.Callable;

import dev.migrate.MigrateException;
import dev.migrate.core.Application;
import dev.migrate.engine.offline.SqlRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = "--sql", description = "Print the SQL script instead of running it; no connection is made.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "NAME",
            description = "With --sql: postgresql or sqlite (default: the dialect of the configured URL).")
    String dialect;

    @Override
    public Integer call() {
        OfflineSql.checkOptions("upgrade", sql, dialect);
        if (sql) {
            SqlRange range = SqlRange.parse(target, "upgrade", false);
            OfflineSql.migrate(root.workspace(), dialect, range, "upgrade", (graph, start) -> graph.upgrade(start, range.end()));
            return 0;
        }
        if (target.contains(":")) {
            throw MigrateException.usage("upgrade: a range (" + target + ") is only allowed with --sql; online, the"
                    + " start is what the database holds");
        }
        Workspace ws = root.workspace();
        if (ws.several()) return MigratedSummary.run(ws, "upgrade", target);
        JsonResults.Timed<Application.Migrated> run = JsonResults.timed(
                () -> ws.interruptible(interruption -> ws.operations().upgrade(target, interruption)));
        if (ws.json()) JsonResults.migrated(ws, "upgrade", target, run);
        return 0;
    }
}
