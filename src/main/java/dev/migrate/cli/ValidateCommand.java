package dev.migrate.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import dev.migrate.Json;
import dev.migrate.MigrateException;
import dev.migrate.core.ChangedFiles;
import dev.migrate.engine.HistoryEntry;
import dev.migrate.engine.HistoryTable;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.revision.ScriptDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code migrate validate}: compares the checksum the history table recorded for every applied
 * revision with its file now, like Flyway's {@code validate}. Line endings and a byte order mark
 * do not count as a change.
 */
@Command(name = "validate", description = "Compare the checksums of applied revisions with their files; exit 3 on a difference.")
public class ValidateCommand implements Callable<Integer> {
    /** Exit status when a file changed after it was applied, or is missing. */
    static final int MISMATCH = 3;

    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin DatabaseOptions database;
    @Mixin JsonOption json;

    private record Found(List<String> heads, List<HistoryEntry> applied) {
    }

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        HistoryTable history = ws.historyTable();
        if (history == null) {
            throw new MigrateException("validate needs the history table, and the configuration sets history_table to null: "
                    + "there are no recorded checksums to compare.");
        }
        ScriptDirectory scripts = ws.scripts();
        Found found = ws.withDatabase(db -> ws.versionTable().heads(db)
                .flatMap(heads -> history.applied(db).map(rows -> new Found(heads, rows))));
        Set<String> applied = appliedRevisions(ws.graph(), scripts, found.heads());
        Predicate<String> stillApplied = applied == null ? id -> true : applied::contains;
        List<ChangedFiles.Changed> changed = ChangedFiles.among(found.applied(), scripts, stillApplied);
        Set<String> recorded = new HashSet<>();
        int checked = 0;
        for (HistoryEntry row : found.applied()) {
            recorded.add(row.revision());
            if (!scripts.contains(row.revision()) || stillApplied.test(row.revision())) checked++;
        }
        List<String> unrecorded = new ArrayList<>();
        if (applied != null) for (String id : applied) if (!recorded.contains(id)) unrecorded.add(id);
        unrecorded.sort(null);
        if (ws.json()) {
            ws.out().println(Json.write(json(checked, changed, unrecorded)));
        } else {
            print(ws, checked, changed, unrecorded);
        }
        return changed.isEmpty() ? 0 : MISMATCH;
    }

    /**
     * What the version table says is applied (its rows and everything below them), or null when
     * a row names a revision no file declares: then the history table alone is believed.
     */
    private static Set<String> appliedRevisions(RevisionMap graph, ScriptDirectory scripts, List<String> heads) {
        for (String head : heads) if (!scripts.contains(head)) return null;
        Set<String> out = new HashSet<>();
        if (heads.isEmpty()) return out;
        for (Step step : graph.downgrade(heads, "base")) out.add(step.revision().id());
        return out;
    }

    private static void print(Workspace ws, int checked, List<ChangedFiles.Changed> changed, List<String> unrecorded) {
        for (ChangedFiles.Changed c : changed) {
            HistoryEntry row = c.applied();
            ws.out().println(row.revision() + (c.missing()
                    ? "  missing  applied at " + row.startedAt() + "  (no revision file declares it any more)"
                    : "  changed  applied at " + row.startedAt() + "  " + c.file()));
        }
        if (!unrecorded.isEmpty()) {
            ws.log(unrecorded.size() + " applied revision" + (unrecorded.size() == 1 ? " has" : "s have")
                    + " no recorded checksum (stamped, or applied before the history table existed): "
                    + String.join(", ", unrecorded));
        }
        if (changed.isEmpty()) {
            ws.out().println(checked == 1 ? "the 1 applied revision matches its file"
                    : "all " + checked + " applied revisions match their files");
        } else {
            ws.log(changed.size() + " of " + checked + " applied revision" + (checked == 1 ? "" : "s")
                    + (changed.size() == 1 ? " no longer matches its file" : " no longer match their files")
                    + ": a revision file was edited or removed after it was applied.");
        }
    }

    private static Map<String, Object> json(int checked, List<ChangedFiles.Changed> changed, List<String> unrecorded) {
        List<Object> mismatches = new ArrayList<>();
        for (ChangedFiles.Changed c : changed) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("revision", c.applied().revision());
            m.put("status", c.missing() ? "missing" : "changed");
            m.put("file", c.missing() ? null : c.file().toString());
            m.put("applied_at", c.applied().startedAt());
            m.put("recorded_checksum", c.applied().checksum());
            mismatches.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", changed.isEmpty());
        out.put("checked", checked);
        out.put("mismatches", mismatches);
        out.put("unrecorded", unrecorded);
        return out;
    }
}
