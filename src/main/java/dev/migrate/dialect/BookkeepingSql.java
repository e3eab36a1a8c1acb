package dev.migrate.dialect;

/**
 * The pieces of the version and history tables' SQL that differ from one database to another;
 * the tables themselves ({@code engine/VersionTable}, {@code engine/HistoryTable}) write the rest
 * the same way everywhere.
 */
public interface BookkeepingSql {
    /** The history table's {@code id} column, numbered by the database. */
    String historyIdColumn();

    /** The column type of a moment in time. */
    String timestampType();

    /** The column type of a 64-bit count. */
    String bigintType();

    /** {@code literal} (an ISO-8601 UTC text literal) as a value of {@link #timestampType()}. */
    String timestamp(String literal);

    /** {@code column} of {@link #timestampType()} read back as the ISO-8601 UTC text it was written from. */
    String timestampText(String column);

    /** The moment a statement runs, as {@link #timestampText} reads it back, for a script printed before it runs. */
    String now();

    /**
     * The statement that notes when a step starts, for a history row the server times, inside a
     * transaction that began before the step (in the run's one transaction, the transaction's start
     * is the run's, not the step's); null where the runner times the rows itself, as it does on a
     * database whose session does not pipeline.
     */
    String markStepStart();

    /** The moment {@link #markStepStart} noted, as a value of {@link #timestampType()}; null where that is null. */
    String stepStarted();

        /** Who ran a step: the database role where there is one, else {@code osUser} (a SQL literal or NULL). */
    String runBy(String osUser);

    /**
     * The query for the version rows; {@code plainSelect} is the one that fails when the table is
     * missing, {@code tableLiteral} the table's qualified name as a string literal.
     */
    String versionHeadsSql(String tableLiteral, String plainSelect);

    /**
     * Whether a query of a missing table is logged by the server as an error, so that the table's
     * existence is asked first (PostgreSQL) rather than the failure taken as the answer (SQLite).
     */
    boolean logsMissingTable();
}
