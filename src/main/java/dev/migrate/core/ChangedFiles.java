package dev.migrate.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.migrate.engine.Database;
import dev.migrate.engine.HistoryTable;
import dev.migrate.revision.RevisionScript;
import dev.migrate.revision.ScriptDirectory;
import io.smallrye.mutiny.Uni;

/**
 * Applied revisions whose file no longer matches the checksum the history table recorded when
 * they ran: what {@code validate} reports and {@code upgrade} warns about.
 */
public final class ChangedFiles {
    private ChangedFiles() {
    }

    /**
     * One applied revision that does not match its file.
     *
     * @param file the revision file now, or null when no file declares the revision any more
     */
    public record Changed(HistoryRow applied, Path file) {
        public boolean missing() {
            return file == null;
        }
    }

    /**
     * The rows among {@code applied} whose file changed or is gone; a row whose revision has a file
     * is only compared when {@code stillApplied} says the database holds it.
     */
    public static List<Changed> among(List<HistoryRow> applied, ScriptDirectory scripts, Predicate<String> stillApplied) {
        List<Changed> out = new ArrayList<>();
        for (HistoryRow row : applied) {
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
    static Uni<Void> warn(Environment env, Database db, HistoryTable history) {
        if (history == null) return Uni.createFrom().voidItem();
        return history.applied(db).map(HistoryRow::of).invoke(rows -> {
            for (Changed c : among(rows, env.scripts(), id -> true)) {
                if (c.missing()) continue;
                env.log("WARNING: revision " + c.applied().revision() + " was applied at " + c.applied().startedAt()
                        + " and its file " + c.file() + " has changed since; run 'migrate validate'.");
            }
        }).replaceWithVoid();
    }
}
