package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.graph.RevisionMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code migrate branches}: every branch point and the revisions it branches into. */
@Command(name = "branches", description = "Show the branch points of the revision graph.")
public class BranchesCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin VerboseOption verbose;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        RevisionMap graph = ws.graph();
        RevisionFormat format = new RevisionFormat(graph, List.of());
        List<String> points = graph.branchPoints();
        if (ws.json()) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String id : points) {
                Map<String, Object> m = new LinkedHashMap<>(format.json(ws.script(id)));
                m.put("branches_into", graph.children(id));
                out.add(m);
            }
            ws.out().println(Json.write(out));
            return 0;
        }
        // Alembic's layout: the branch point, each revision it branches into under it, a blank line.
        for (String id : points) {
            ws.out().println(ws.verbose() ? format.verbose(ws.script(id)) : format.branchLine(ws.script(id), false));
            String indent = " ".repeat(id.length());
            for (String child : graph.children(id)) {
                ws.out().println(indent + " -> " + format.branchLine(ws.script(child), ws.verbose()));
            }
            ws.out().println();
        }
        return 0;
    }
}
