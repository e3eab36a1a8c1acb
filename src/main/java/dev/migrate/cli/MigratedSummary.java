package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.Application;

/**
 * {@code upgrade} and {@code downgrade} against several databases: each database's line
 * ({@code tenant_a: upgraded 3 revisions (<base> -> c3)}, {@code tenant_b: already at head (c3)})
 * and JSON object ({@code applied}: the steps run, in order, as a run against one database gives them;
 * {@code current}: the rows afterwards).
 */
final class MigratedSummary {
    private MigratedSummary() {
    }

    /** Runs {@code verb} ("upgrade" or "downgrade") to {@code target} on every database and reports it. */
    static int run(Workspace ws, String verb, String target) {
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("applied", List.of());
        failed.put("current", null);
        return ManyDatabases.run(ws, true, (ops, stop) -> verb.equals("upgrade")
                        ? ops.upgrade(target, stop) : ops.downgrade(target, stop),
                done -> shown(verb, target, done), failed, results -> 0);
    }

    private static ManyDatabases.Shown shown(String verb, String target, Application.Migrated done) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applied", JsonResults.applied(done));
        json.put("current", done.current());
        if (done.steps().isEmpty()) return new ManyDatabases.Shown("unchanged", "already at " + target + " (" + rows(done.current()) + ")", json);
        int n = done.steps().size();
        return new ManyDatabases.Shown(verb + "d", verb + "d " + n + " revision" + (n == 1 ? "" : "s") + " ("
                + rows(done.before()) + " -> " + rows(done.current()) + ")", json);
    }

    /** Version rows as a summary shows them: {@code <base>} for none. */
    static String rows(List<String> rows) {
        return rows.isEmpty() ? "<base>" : String.join(", ", rows);
    }
}
