package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.core.Application;
import dev.migrate.graph.Revision;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate history}: the revisions, newest first, like {@code alembic history}. */
@Command(name = "history", description = "List revisions, newest first.")
public class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin DatabaseOptions database;
    @Mixin VerboseOption verbose;
    @Mixin JsonOption json;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "START:END", description = "Only this range, e.g. base:head, -3:, abc:current.")
    String range;

    @Option(names = {"-i", "--indicate-current"}, description = "Mark the database's current revisions (connects to it).")
    boolean indicateCurrent;

    @Option(names = "--applied", description = "The steps applied to the database, from the history table, newest first.")
    boolean applied;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        if (applied) return AppliedLog.print(ws, range != null || indicateCurrent);
        RevisionMap graph = ws.graph();
        boolean needsDatabase = indicateCurrent || namesCurrent(range);
        List<String> current = needsDatabase ? ws.read(Application::current) : List.of();
        List<RevisionScript> scripts = new ArrayList<>();
        for (Revision r : graph.history(range, current)) scripts.add(ws.script(r.id()));
        RevisionFormat format = new RevisionFormat(graph, indicateCurrent ? current : List.of());
        if (ws.json()) {
            ws.out().println(Json.write(format.json(scripts)));
            return 0;
        }
        for (RevisionScript s : scripts) ws.out().println(ws.verbose() ? format.verbose(s) : format.historyLine(s));
        return 0;
    }

    /**
     * Whether an end of the range is {@code current}, the one case that needs the database (as in
     * Alembic); a revision or label that merely contains the word, like {@code recurrent}, does not.
     */
    static boolean namesCurrent(String range) {
        if (range == null) return false;
        for (String end : range.strip().split(":", -1)) {
            if (end.equals("current")) return true;
        }
        return false;
    }
}
