package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.offline.SqlRange;
import dev.migrate.graph.RevisionMap;
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

    @Option(names = "--sql", description = "Print the SQL instead of running it; no connection is made.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "NAME",
            description = "With --sql: postgresql or sqlite (default: the dialect of the configured URL).")
    String dialect;

    @Override
    public Integer call() {
        OfflineSql.checkOptions("stamp", sql, dialect);
        if (sql) return offline();
        for (String t : targets) {
            if (t.contains(":")) {
                throw MigrateException.usage("stamp: a range (" + t + ") is only allowed with --sql; online, the start"
                        + " is what the database holds");
            }
        }
        Workspace ws = root.workspace();
        if (ws.several()) return several(ws);
        JsonResults.Timed<List<String>> run = JsonResults.timed(
                () -> ws.interruptible(interruption -> ws.operations().stamp(targets, purge, interruption)));
        if (ws.json()) JsonResults.stamped(ws, run);
        return 0;
    }

    /** {@code tenant_a: stamped c3} per database. */
    private int several(Workspace ws) {
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("current", null);
        return ManyDatabases.run(ws, true, (ops, interruption) -> ops.stamp(targets, purge, interruption), rows -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("current", rows);
            return new ManyDatabases.Shown("stamped", "stamped " + MigratedSummary.rows(rows), json);
        }, failed, all -> 0);
    }

    /** Like Alembic: every argument may carry a start, and they must all name the same one. */
    private int offline() {
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
        Dialect d = OfflineSql.dialect(ws, dialect);
        RevisionMap graph = ws.graph();
        List<String> current = new SqlRange(start == null ? "base" : start, "").startRows(graph);
        List<String> next = graph.stamp(current, revs, purge);
        ws.log("Generating " + d.name() + " SQL to stamp " + (next.isEmpty() ? "<base>" : String.join(", ", next)));
        OfflineSql.print(ws, ws.operations().offlineStamp(d, current, next, purge));
        return 0;
    }
}
