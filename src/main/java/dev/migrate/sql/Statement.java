package dev.migrate.sql;

/**
 * One SQL statement of a revision, ready to send, or computed just before it runs.
 *
 * @param sql       the statement text, without a trailing semicolon; for a computed statement, a
 *                  SQL comment saying what it will do (what {@code show} prints)
 * @param line      the line in the revision file it comes from (statement or operation), for errors
 * @param runsAlone true when the database refuses it inside a transaction block
 *                  ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...): it runs alone in autocommit
 * @param phase     where it runs relative to its revision's transaction
 * @param computed  for a statement whose SQL depends on what the database holds when it runs (a
 *                  SQLite table rebuild), the function that writes it; null for plain SQL
 * @param shown     the statement as messages show it: as the file writes it, {@code ${x.key}} not
 *                  replaced, because {@code -x} values may be secrets; the same as {@code sql} otherwise
 */
public record Statement(String sql, int line, boolean runsAlone, Phase phase, Computed computed, String shown) {
    /**
     * Most statements run in the revision's transaction, in order. A few session settings can
     * only change outside a transaction (SQLite's {@code PRAGMA foreign_keys}): they run before it
     * begins and after it ends (committed or rolled back). Checks of the revision as a whole run
     * last inside it. Statements of the outer phases run once per revision however many
     * operations ask for them.
     */
    public enum Phase { BEFORE_TRANSACTION, IN_TRANSACTION, END_OF_TRANSACTION, AFTER_TRANSACTION }

    public Statement {
        if (phase == null) phase = Phase.IN_TRANSACTION;
        if (shown == null) shown = sql;
    }

    public Statement(String sql, int line, boolean runsAlone, Phase phase, Computed computed) {
        this(sql, line, runsAlone, phase, computed, sql);
    }

    /** A statement of a SQL revision whose {@code sql} had {@code -x} values put in; {@code shown} has not. */
    public Statement(String sql, int line, boolean runsAlone, String shown) {
        this(sql, line, runsAlone, Phase.IN_TRANSACTION, null, shown);
    }

    public Statement(String sql, int line, boolean runsAlone) {
        this(sql, line, runsAlone, Phase.IN_TRANSACTION, null);
    }

    public Statement(String sql, int line) {
        this(sql, line, false);
    }

    /** A statement written when it is about to run; {@code description} is a SQL comment saying what it does. */
    public static Statement computed(String description, int line, Phase phase, Computed computed) {
        return new Statement(description, line, false, phase, computed);
    }

    /** Plain SQL that runs in {@code phase} of its revision. */
    public static Statement in(Phase phase, String sql, int line) {
        return new Statement(sql, line, false, phase, null);
    }

    public boolean isComputed() {
        return computed != null;
    }
}
