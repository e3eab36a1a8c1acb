package dev.migrate.script;

/**
 * One SQL statement of a revision, ready to send.
 *
 * @param sql       the statement text, without a trailing semicolon
 * @param line      the line in the revision file it comes from (statement or operation), for errors
 * @param runsAlone true when the database refuses it inside a transaction block
 *                  ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...): it runs alone in autocommit
 * @param shown     the statement as messages show it: as the file writes it, {@code ${x.key}} not
 *                  replaced, because {@code -x} values may be secrets; the same as {@code sql} otherwise
 */
public record Statement(String sql, int line, boolean runsAlone, String shown) {
    public Statement(String sql, int line, boolean runsAlone) {
        this(sql, line, runsAlone, sql);
    }

    public Statement(String sql, int line) {
        this(sql, line, false, sql);
    }
}
