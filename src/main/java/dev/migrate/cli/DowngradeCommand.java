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

    @Option(names = "--sql", description = "Print the SQL script instead of running it; no connection is made.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "NAME",
            description = "With --sql: postgresql or sqlite (default: the dialect of the configured URL).")
    String dialect;

    @Override
    public Integer call() {
        OfflineSql.checkOptions("downgrade", sql, dialect);
        if (sql) {
            SqlRange range = SqlRange.parse(target, "downgrade", true);
            OfflineSql.migrate(root.workspace(), dialect, range, "downgrade", (graph, start) -> graph.downgrade(start, range.end()));
            return 0;
        }
        if (target.contains(":")) {
            throw MigrateException.usage("downgrade: a range (" + target + ") is only allowed with --sql; online, the"
                    + " start is what the database holds");
        }
        Workspace ws = root.workspace();
        if (ws.several()) return MigratedSummary.run(ws, "downgrade", target);
        JsonResults.Timed<Application.Migrated> run = JsonResults.timed(
                () -> ws.interruptible(interruption -> ws.operations().downgrade(target, interruption)));
        if (ws.json()) JsonResults.migrated(ws, "downgrade", target, run);
        return 0;
    }
}
