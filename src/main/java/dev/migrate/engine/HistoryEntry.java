package dev.migrate.engine;

/**
 * One row of the history table: a revision applied or reverted.
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
public record HistoryEntry(long id, String revision, String direction, String checksum, String startedAt,
                           long durationMs, String dbUser, String toolVersion, String message) {
    public static final String UPGRADE = "upgrade";
    public static final String DOWNGRADE = "downgrade";

    public boolean upgrade() {
        return UPGRADE.equals(direction);
    }
}
