package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.Json;
import dev.migrate.MigrateException;
import dev.migrate.core.Application;
import dev.migrate.core.HistoryRow;

/** {@code migrate history --applied}: the steps the history table logged, newest first. */
final class AppliedLog {
    private AppliedLog() {
    }

    /** {@code graphOptions}: whether -r or -i was given too, which only mean something for the revision graph. */
    static int print(Workspace ws, boolean graphOptions) {
        if (graphOptions) throw MigrateException.usage("history --applied lists the logged steps: it takes neither -r nor -i.");
        String history = ws.operations().historyTableName();
        if (history == null) {
            throw new MigrateException("history --applied reads the history table, and the configuration sets history_table "
                    + "to null: nothing is logged.");
        }
        List<HistoryRow> rows = ws.read(Application::appliedLog);
        if (ws.json()) {
            List<Object> out = new ArrayList<>();
            for (HistoryRow row : rows) out.add(json(row));
            ws.out().println(Json.write(out));
            return 0;
        }
        if (rows.isEmpty()) ws.log("No step is logged in " + history + " yet.");
        for (HistoryRow row : rows) ws.out().println(line(row, ws.verbose()));
        return 0;
    }

    /** {@code c3  upgrade    2026-11-21T15:00:00.000Z  12 ms  postgres  migrate 1.0.0}; -v adds checksum and message. */
    static String line(HistoryRow row, boolean verbose) {
        String line = row.revision() + "  " + String.format("%-9s", row.direction()) + "  " + row.startedAt() + "  "
                + row.durationMs() + " ms  " + (row.dbUser() == null ? "-" : row.dbUser()) + "  migrate "
                + (row.toolVersion() == null ? "?" : row.toolVersion());
        return verbose ? line + "  " + row.checksum() + "  " + (row.message() == null ? "" : row.message()) : line;
    }

    private static Map<String, Object> json(HistoryRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id());
        m.put("revision", row.revision());
        m.put("direction", row.direction());
        m.put("started_at", row.startedAt());
        m.put("duration_ms", row.durationMs());
        m.put("user", row.dbUser());
        m.put("tool_version", row.toolVersion());
        m.put("checksum", row.checksum());
        m.put("message", row.message());
        return m;
    }
}
