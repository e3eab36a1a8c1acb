package dev.migrate.cli;

import java.util.List;
import java.util.function.BiFunction;

import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.VersionTable;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import io.smallrye.mutiny.Uni;

/**
 * The shared path of upgrade and downgrade: read the heads and plan; when there is work, take the
 * migration lock, read the heads and plan again, warn about applied files that changed, run.
 * A database already where the target says costs one connection and one query; the changed-files
 * warning, which reads the history table, is only given when there is work, as {@code validate}
 * is the command that checks a database at rest.
 */
final class Runs {
    private Runs() {
    }

    static List<Step> migrate(Workspace ws, BiFunction<RevisionMap, List<String>, List<Step>> plan) {
        RevisionMap graph = ws.graph();
        VersionTable versions = ws.versionTable();
        boolean perRevision = ws.config().transactionPerMigration();
        HistoryTable history = ChangedFiles.historyTable(ws);
        return ws.withLockedDatabase(heads -> !plan.apply(graph, heads).isEmpty(), List::of, (db, current) -> {
            List<Step> steps = plan.apply(graph, current);
            if (steps.isEmpty()) return Uni.createFrom().item(List.<Step>of());
            return ChangedFiles.warn(ws, db, history).flatMap(v -> {
                ws.log("Migrating " + db.describe() + " (" + steps.size() + " revision" + (steps.size() == 1 ? "" : "s") + ")");
                return new Migrator(db, ws.dialect(), versions, history, perRevision, ws::script, ws::log).run(steps);
            });
        });
    }
}
