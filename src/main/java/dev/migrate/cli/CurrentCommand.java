package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.MigrateException;
import dev.migrate.alembic.AlembicFiles;
import dev.migrate.alembic.NotImportedException;
import dev.migrate.config.Config;
import dev.migrate.core.Application;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate current}: the revisions in the version table. Never creates the table. */
@Command(name = "current", description = "Show the database's current revisions.")
public class CurrentCommand implements Callable<Integer> {
    /** Exit status when {@code --check-heads} finds the database behind. */
    static final int NOT_AT_HEAD = 3;

    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin ReadOptions read;

    @Option(names = "--check-heads", description = "Exit 3 when the database is not at the head revisions.")
    boolean checkHeads;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        if (ws.several()) return several(ws);
        List<String> current = ws.read(Application::current);
        for (String id : current) if (!ws.scripts().contains(id)) throw unknown(ws.config(), id);
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

    /** A revision no file declares: perhaps Alembic's, whose files are in the version folders or beside an alembic.ini. */
    private static MigrateException unknown(Config config, String id) {
        Path declaring = AlembicFiles.declaring(id, config.versionLocations(), List.of(config.baseDir(), config.workDir()),
                config.workDir());
        return NotImportedException.unknownRevision(id, declaring);
    }

    /**
     * {@code tenant_a: c3 (head)}, {@code tenant_b: b2 (not at head)} per database; exit 3 with
     * {@code --check-heads} when any is not at the heads.
     */
    private int several(Workspace ws) {
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("current", null);
        RevisionMap graph = ws.sharedGraph();
        return ManyDatabases.run(ws, false, (ops, stop) -> ops.current(), current -> {
            boolean atHead = graph.atHeads(current);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("current", current);
            return new ManyDatabases.Shown(atHead ? "at_head" : "not_at_head",
                    MigratedSummary.rows(current) + (atHead ? " (head)" : " (not at head)"), json);
        }, failed, all -> checkHeads && !all.stream().allMatch(graph::atHeads) ? NOT_AT_HEAD : 0);
    }
}
