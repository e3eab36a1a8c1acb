package dev.migrate.cli;

import java.util.List;
import java.util.function.BiFunction;

import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.VersionTable;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import io.smallrye.mutiny.Uni;

/** The shared path of upgrade and downgrade: take the migration lock, then read the heads, plan the steps, run them. */
final class Runs {
    private Runs() {
    }

    static List<Step> migrate(Workspace ws, BiFunction<RevisionMap, List<String>, List<Step>> plan) {
        RevisionMap graph = ws.graph();
        VersionTable versions = ws.versionTable();
        boolean perRevision = ws.config().transactionPerMigration();
        HistoryTable history = ChangedFiles.historyTable(ws);
        return ws.withLockedDatabase(db -> ChangedFiles.warn(ws, db, history).flatMap(v -> versions.heads(db)).flatMap(current -> {
            List<Step> steps = plan.apply(graph, current);
            if (steps.isEmpty()) return Uni.createFrom().item(List.<Step>of());
            ws.log("Migrating " + db.describe() + " (" + steps.size() + " revision" + (steps.size() == 1 ? "" : "s") + ")");
            return new Migrator(db, ws.dialect(), versions, history, perRevision, ws::script, ws::log).run(steps);
        }));
    }
}
