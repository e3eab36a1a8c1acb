package dev.migrate.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.revision.ScriptDirectory;

/**
 * What {@code validate} found: each applied revision's recorded checksum compared with its file
 * now, like Flyway's {@code validate}. Line endings and a byte order mark do not count as a change.
 *
 * @param checked how many applied revisions were compared
 * @param changed those whose file changed or is gone
 * @param unrecorded the revisions the version table holds that the history table has no checksum
 *                   for (stamped, or applied before the history table existed), sorted
 */
public record Validation(int checked, List<ChangedFiles.Changed> changed, List<String> unrecorded) {
    public Validation {
        changed = List.copyOf(changed);
        unrecorded = List.copyOf(unrecorded);
    }

    /** Whether every applied revision matches its file. */
    public boolean valid() {
        return changed.isEmpty();
    }

    /** Compares {@code applied}, the history table's rows, with the files, the version table being at {@code heads}. */
    static Validation of(RevisionMap graph, ScriptDirectory scripts, List<String> heads, List<HistoryRow> applied) {
        Set<String> inVersionTable = appliedRevisions(graph, scripts, heads);
        Predicate<String> stillApplied = inVersionTable == null ? id -> true : inVersionTable::contains;
        List<ChangedFiles.Changed> changed = ChangedFiles.among(applied, scripts, stillApplied);
        Set<String> recorded = new HashSet<>();
        int checked = 0;
        for (HistoryRow row : applied) {
            recorded.add(row.revision());
            if (!scripts.contains(row.revision()) || stillApplied.test(row.revision())) checked++;
        }
        List<String> unrecorded = new ArrayList<>();
        if (inVersionTable != null) for (String id : inVersionTable) if (!recorded.contains(id)) unrecorded.add(id);
        unrecorded.sort(null);
        return new Validation(checked, changed, unrecorded);
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
}
