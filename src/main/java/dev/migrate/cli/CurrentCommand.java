package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.graph.RevisionMap;
import dev.migrate.script.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate current}: the revisions in the version table. Never creates the table. */
@Command(name = "current", description = "Show the database's current revisions.")
public class CurrentCommand implements Callable<Integer> {
    /** Exit status when {@code --check-heads} finds the database behind. */
    static final int NOT_AT_HEAD = 3;

    @ParentCommand
    MigrateCommand root;

    @Option(names = "--check-heads", description = "Exit 3 when the database is not at the head revisions.")
    boolean checkHeads;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        List<String> current = ws.await(ws.operations().current());
        RevisionMap graph = ws.graph();
        RevisionFormat format = new RevisionFormat(graph, List.of());
        List<RevisionScript> scripts = new ArrayList<>();
        for (String id : current) scripts.add(ws.scripts().byId(graph.get(id).id()));
        if (ws.json()) {
            ws.out().println(Json.write(format.json(scripts)));
        } else {
            for (RevisionScript s : scripts) ws.out().println(ws.verbose() ? format.verbose(s) : format.shortLine(s));
        }
        if (checkHeads && !graph.atHeads(current)) {
            ws.log("The database is not at head: current " + (current.isEmpty() ? "<base>" : String.join(", ", current))
                    + ", heads " + String.join(", ", graph.heads()));
            return NOT_AT_HEAD;
        }
        return 0;
    }
}
