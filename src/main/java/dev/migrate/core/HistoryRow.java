package dev.migrate.core;

import java.util.List;

import dev.migrate.engine.HistoryEntry;

/**
 * One row of the history table, as {@code history --applied} and {@code validate} show it: a
 * revision applied or reverted. The application layer's copy of the engine's row, so that the
 * command line reads the table through {@link Application} alone.
 *
 * @param id the row's identity, increasing with every step
 * @param revision the revision id
 * @param direction {@code upgrade} or {@code downgrade}
 * @param checksum {@link dev.migrate.revision.Checksum} of the revision file as it was run
 * @param startedAt when the step started, ISO-8601 in UTC ({@code 2026-11-21T15:00:00.000Z})
 * @param durationMs how long the step took, statements and version update included
 * @param dbUser who ran it: the database role on PostgreSQL, the operating-system user on SQLite
 * @param toolVersion the version of {@code migrate} that ran it
 * @param message the revision's message at the time
 */
public record HistoryRow(long id, String revision, String direction, String checksum, String startedAt,
                         long durationMs, String dbUser, String toolVersion, String message) {
    static List<HistoryRow> of(List<HistoryEntry> entries) {
        return entries.stream().map(e -> new HistoryRow(e.id(), e.revision(), e.direction(), e.checksum(), e.startedAt(),
                e.durationMs(), e.dbUser(), e.toolVersion(), e.message())).toList();
    }
}
