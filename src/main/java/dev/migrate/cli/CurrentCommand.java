package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.RevisionScript;
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
        if (ws.several()) return several(ws);
        ws.requireExisting();
        List<String> current = ws.await(ws.operations().current());
        RevisionMap graph = ws.graph();
        RevisionFormat format = new RevisionFormat(graph, List.of());
        List<RevisionScript> scripts = new ArrayList<>();
        for (String id : current) scripts.add(ws.scripts().byId(graph.get(id).id()));
        if (ws.json()) {
            // Alembic's lines leave out "(current)" (everything shown is); the JSON says it of each.
            ws.out().println(Json.write(new RevisionFormat(graph, current).json(scripts)));
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

    /**
     * {@code tenant_a: c3 (head)}, {@code tenant_b: b2 (not at head)} per database; exit 3 with
     * {@code --check-heads} when any is not at the heads.
     */
    private int several(Workspace ws) {
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("current", null);
        RevisionMap graph = ws.sharedGraph();
        return ManyDatabases.run(ws, false, (ops, interruption) -> ops.current(), current -> {
            boolean atHead = graph.atHeads(current);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("current", current);
            return new ManyDatabases.Shown(atHead ? "at_head" : "not_at_head",
                    MigratedSummary.rows(current) + (atHead ? " (head)" : " (not at head)"), json);
        }, failed, all -> checkHeads && !all.stream().allMatch(graph::atHeads) ? NOT_AT_HEAD : 0);
    }
}
