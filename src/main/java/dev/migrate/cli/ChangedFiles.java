package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Database;
import dev.migrate.engine.HistoryEntry;
import dev.migrate.engine.HistoryTable;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.ScriptDirectory;
import io.smallrye.mutiny.Uni;

/**
 * Applied revisions whose file no longer matches the checksum the history table recorded when
 * they ran: what {@code validate} reports and {@code upgrade} warns about.
 */
final class ChangedFiles {
    private ChangedFiles() {
    }

    /**
     * One applied revision that does not match its file.
     *
     * @param file the revision file now, or null when no file declares the revision any more
     */
    record Changed(HistoryEntry applied, Path file) {
        boolean missing() {
            return file == null;
        }
    }

    /** The history table the configuration names, or null when {@code history_table} is null. */
    static HistoryTable historyTable(Workspace ws) {
        return historyTable(ws, ws.dialect());
    }

    /** The same, written in {@code dialect} (offline SQL may target another dialect than the URL's). */
    static HistoryTable historyTable(Workspace ws, Dialect dialect) {
        String name = ws.config().historyTable();
        return name == null ? null : new HistoryTable(ws.config().versionTableSchema(), name, VersionProvider.version(),
                dialect);
    }

    /**
     * The rows among {@code applied} whose file changed or is gone; a row whose revision has a file
     * is only compared when {@code stillApplied} says the database holds it.
     */
    static List<Changed> among(List<HistoryEntry> applied, ScriptDirectory scripts, Predicate<String> stillApplied) {
        List<Changed> out = new ArrayList<>();
        for (HistoryEntry row : applied) {
            if (!scripts.contains(row.revision())) {
                out.add(new Changed(row, null));
                continue;
            }
            RevisionScript script = scripts.byId(row.revision());
            if (stillApplied.test(row.revision()) && !script.checksum().equals(row.checksum())) {
                out.add(new Changed(row, script.file()));
            }
        }
        return out;
    }

    /** Logs one warning per applied revision whose file changed; one query, nothing when there is no history table. */
    static Uni<Void> warn(Workspace ws, Database db, HistoryTable history) {
        if (history == null) return Uni.createFrom().voidItem();
        return history.applied(db).invoke(rows -> {
            for (Changed c : among(rows, ws.scripts(), id -> true)) {
                if (c.missing()) continue;
                ws.log("WARNING: revision " + c.applied().revision() + " was applied at " + c.applied().startedAt()
                        + " and its file " + c.file() + " has changed since; run 'migrate validate'.");
            }
        }).replaceWithVoid();
    }
}
