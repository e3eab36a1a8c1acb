package dev.migrate.postgres;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.dialect.LockHoldersSql;

/**
 * Who holds locks on the tables a timed-out statement needed, from {@code pg_locks} and
 * {@code pg_stat_activity}: one catalog query, on the migration's own session (it has let go of
 * its locks by then, so it is not among the holders). The tables are resolved by
 * {@code to_regclass} as the statement wrote them; on no recognisable table, the query asks about
 * every table of the database.
 */
final class PostgresLockHolders implements LockHoldersSql {
    /** What is kept of a holder's query: enough to recognise it, short enough for one line. */
    static final int QUERY_CHARS = 80;

    @Override
    public String query(List<String> tables) {
        StringBuilder relations = new StringBuilder();
        for (String t : tables) {
            if (relations.length() > 0) relations.append(", ");
            relations.append("pg_catalog.to_regclass('").append(t.replace("'", "''")).append("')");
        }
        String which = tables.isEmpty() ? "l.locktype = 'relation' AND l.database = (SELECT oid FROM pg_catalog.pg_database"
                + " WHERE datname = pg_catalog.current_database()) AND c.relkind IN ('r', 'p')"
                : "l.relation IN (" + relations + ")";
        return "SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),"
                + " coalesce(extract(epoch FROM pg_catalog.clock_timestamp() - a.xact_start)::bigint, 0),"
                + " pg_catalog.left(pg_catalog.regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), " + QUERY_CHARS + "),"
                + " c.relname, l.mode"
                + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " JOIN pg_catalog.pg_class c ON c.oid = l.relation"
                + " WHERE l.granted AND l.pid <> pg_catalog.pg_backend_pid() AND " + which
                + " ORDER BY a.xact_start NULLS LAST, a.pid, c.relname";
    }

    private static List<LockHolder> holders(List<List<String>> rows) {
        List<LockHolder> out = new ArrayList<>();
        for (List<String> r : rows) {
            out.add(new LockHolder(r.get(0), r.get(1), r.get(2), Long.parseLong(r.get(3)), r.get(4), r.get(5), r.get(6)));
        }
        return out;
    }

    @Override
    public String describe(List<List<String>> rows) {
        List<LockHolder> holders = holders(rows);
        if (holders.isEmpty()) return "no session holds a lock on its tables any more (the holder has just finished)";
        StringBuilder out = new StringBuilder("held by ");
        for (int i = 0; i < holders.size(); i++) {
            if (i > 0) out.append("\n      and ");
            out.append(holders.get(i).describe());
        }
        return out.toString();
    }
}
