package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.core.Application;
import dev.migrate.diff.Differences;
import dev.migrate.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code migrate check}: the comparison {@code revision --autogenerate} makes, without writing
 * anything; exit 3 and the differences when the database and the target schema differ.
 */
@Command(name = "check", description = "Compare the database with the target schema; exit 3 when they differ.")
public class CheckCommand implements Callable<Integer> {
    static final int DIFFERENT = 3;

    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin ReadOptions read;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        if (ws.several()) return several(ws);
        List<String> differences = Differences.of(ws.read(Application::compare));
        if (ws.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("differences", differences);
            ws.out().println(Json.write(out));
        } else if (differences.isEmpty()) {
            ws.out().println("No new upgrade operations detected.");
        } else {
            ws.out().println("New upgrade operations detected:");
            for (String d : differences) ws.out().println("  " + d);
        }
        return differences.isEmpty() ? 0 : DIFFERENT;
    }

    /** {@code tenant_a: up to date}, {@code tenant_b: 2 differences: ...} per database; exit 3 when any differs. */
    private static int several(Workspace ws) {
        // Read once, before any database is touched: a bad file is said once, and every comparison shares it.
        Schema target = ws.targetSchema();
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("differences", null);
        return ManyDatabases.run(ws, false, (ops, stop) -> ops.compare(target).map(Differences::of), differences -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("differences", differences);
            if (differences.isEmpty()) return new ManyDatabases.Shown("up_to_date", "up to date", json);
            return new ManyDatabases.Shown("different", differences.size() + " difference" + (differences.size() == 1 ? "" : "s")
                    + ": " + String.join("; ", differences), json);
        }, failed, all -> all.stream().allMatch(List::isEmpty) ? 0 : DIFFERENT);
    }
}
