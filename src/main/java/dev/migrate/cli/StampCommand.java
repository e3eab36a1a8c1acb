package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrate.MigrateException;
import dev.migrate.core.SqlRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code migrate stamp REVS...}: writes the version table without running any revision; with
 * {@code --sql}, prints the statements instead, for a database at base or at the start of
 * {@code START:REV}.
 */
@Command(name = "stamp", description = "Set the version table to the given revisions without running migrations.")
public class StampCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin MigrationOptions migration;
    @Mixin StampTagOption tag;

    @Parameters(arity = "1..*", paramLabel = "REV",
            description = "head, heads, base, a revision, ...; with --sql also START:REV (one START for all).")
    List<String> targets;

    @Option(names = "--purge", description = "Empty the version table first, whatever it holds.")
    boolean purge;

    @Mixin SqlOptions sql;

    @Override
    public Integer call() {
        if (sql.offline("stamp")) return script();
        for (String t : targets) MigrationRun.refuseRange("stamp", t);
        Workspace ws = root.workspace();
        if (ws.several()) return several(ws);
        JsonResults.Timed<List<String>> run = MigrationRun.one(ws, (ops, stop) -> ops.stamp(targets, purge, stop));
        if (ws.json()) JsonResults.stamped(ws, run);
        return 0;
    }

    /** {@code tenant_a: stamped c3} per database. */
    private int several(Workspace ws) {
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("current", null);
        return ManyDatabases.run(ws, true, (ops, stop) -> ops.stamp(targets, purge, stop), rows -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("current", rows);
            return new ManyDatabases.Shown("stamped", "stamped " + MigratedSummary.rows(rows), json);
        }, failed, all -> 0);
    }

    /** Like Alembic: every argument may carry a start, and they must all name the same one. */
    private int script() {
        String start = null;
        List<String> revs = new ArrayList<>();
        for (String t : targets) {
            SqlRange range = SqlRange.parse(t, "stamp", false);
            if (t.contains(":") && start != null && !start.equals(range.start())) {
                throw MigrateException.usage("stamp --sql supports a single starting revision at a time; got '"
                        + start + "' and '" + range.start() + "'");
            }
            if (t.contains(":")) start = range.start();
            revs.add(range.end());
        }
        Workspace ws = root.workspace();
        String dialect = sql.dialect();
        SqlOptions.print(ws, ws.operations().offlineStamp(dialect, start, revs, purge));
        return 0;
    }
}
