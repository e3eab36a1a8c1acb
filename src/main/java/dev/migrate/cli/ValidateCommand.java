package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.MigrateException;
import dev.migrate.core.Application;
import dev.migrate.core.ChangedFiles;
import dev.migrate.core.HistoryRow;
import dev.migrate.core.Validation;
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

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        if (ws.operations().historyTableName() == null) {
            throw new MigrateException("validate needs the history table, and the configuration sets history_table to null: "
                    + "there are no recorded checksums to compare.");
        }
        Validation found = ws.read(Application::validate);
        if (ws.json()) {
            ws.out().println(Json.write(json(found)));
        } else {
            print(ws, found);
        }
        return found.valid() ? 0 : MISMATCH;
    }

    private static void print(Workspace ws, Validation found) {
        int checked = found.checked();
        List<ChangedFiles.Changed> changed = found.changed();
        List<String> unrecorded = found.unrecorded();
        for (ChangedFiles.Changed c : changed) {
            HistoryRow row = c.applied();
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

    private static Map<String, Object> json(Validation found) {
        List<Object> mismatches = new ArrayList<>();
        for (ChangedFiles.Changed c : found.changed()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("revision", c.applied().revision());
            m.put("status", c.missing() ? "missing" : "changed");
            m.put("file", c.missing() ? null : c.file().toString());
            m.put("applied_at", c.applied().startedAt());
            m.put("recorded_checksum", c.applied().checksum());
            mismatches.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", found.valid());
        out.put("checked", found.checked());
        out.put("mismatches", mismatches);
        out.put("unrecorded", found.unrecorded());
        return out;
    }
}
