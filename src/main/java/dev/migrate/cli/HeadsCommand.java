package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate heads}: the revisions nothing revises yet. Reads only the files. */
@Command(name = "heads", description = "Show the head revisions of the script directory.")
public class HeadsCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin VerboseOption verbose;
    @Mixin JsonOption json;

    @Option(names = "--resolve-dependencies", description = "Treat depends_on as down revisions when finding heads.")
    boolean resolveDependencies;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        RevisionMap graph = ws.graph();
        List<RevisionScript> heads = new ArrayList<>();
        for (String id : resolveDependencies ? graph.resolveDependencies() : graph.heads()) heads.add(ws.script(id));
        RevisionFormat format = new RevisionFormat(graph, List.of());
        if (ws.json()) {
            ws.out().println(Json.write(format.json(heads)));
            return 0;
        }
        for (RevisionScript s : heads) ws.out().println(ws.verbose() ? format.verbose(s) : format.headLine(s));
        return 0;
    }
}
