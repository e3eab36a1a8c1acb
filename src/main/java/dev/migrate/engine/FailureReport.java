package dev.migrate.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.graph.Step;
import dev.migrate.graph.VersionChange;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.Statement;

/**
 * The message of a failed step: which revision, where in its file, what was being sent, what the
 * server said, and what stayed applied, which depends on how the step ran (in its own transaction,
 * in the run's one transaction, or outside any).
 */
final class FailureReport {
    /** SQLSTATE 55P04: a value added to an enum is used before the transaction that added it commits. */
    static final String UNSAFE_NEW_ENUM_VALUE = "55P04";
    /** SQLSTATE 25001: a statement that refuses to run inside a transaction block. */
    static final String ACTIVE_SQL_TRANSACTION = "25001";
    private static final int LINES_LISTED = 10;

    private FailureReport() {
    }

    /**
     * The first lines: revision, file (and line for a statement), what was sent, what the database
     * said, and a hint when the error has a known remedy.
     *
     * @param what    for a command that is not a statement of the revision: what it did
     * @param problem the server's error, or the runner's own finding (a version-table mismatch)
     * @param advice  what to do about it when the error's code says nothing more, or null
     */
    static String header(RevisionScript script, Command failed, String what, String sql, String dialect, Throwable problem,
                         String advice) {
        Statement st = failed.statement();
        StringBuilder out = new StringBuilder("revision ").append(script.revision().id()).append(" (")
                .append(script.message()).append(") failed at ").append(script.file());
        if (st != null && st.line() > 0) out.append(':').append(st.line());
        if (what != null) out.append(" while ").append(what);
        // A statement of the revision is shown as its file writes it: -x values may be secrets.
        boolean asWritten = failed.kind() == Command.Kind.STATEMENT && st != null && st.sql().equals(sql);
        out.append("\n  statement: ").append(abbreviate(asWritten ? st.shown() : sql));
        if (problem instanceof StatementFailed) {
            StatementFailed e = (StatementFailed) problem;
            out.append("\n  ").append(dialect).append(" said: ").append(e.getMessage());
            String hint = hint(e.sqlState());
            if (hint == null) hint = advice;
            if (hint != null) out.append("\n  hint: ").append(hint);
        } else {
            out.append("\n  ").append(problem.getMessage());
        }
        return out.toString();
    }

    private static String hint(String sqlState) {
        if (UNSAFE_NEW_ENUM_VALUE.equals(sqlState)) {
            return "PostgreSQL does not let a transaction use an enum value it added itself until it commits: put the"
                    + " add_enum_value (ALTER TYPE ... ADD VALUE) in a revision of its own before the one that uses the"
                    + " value, or mark its revision 'transactional: false'";
        }
        if (ACTIVE_SQL_TRANSACTION.equals(sqlState)) {
            return "this statement cannot run inside a transaction: mark its revision 'transactional: false'";
        }
        return null;
    }

    /** A step in a transaction of its own. */
    static String rolledBack(List<Step> committed) {
        return "the revision was rolled back; " + before(committed);
    }

    /** A step inside the run's one transaction ({@code transaction_per_migration: false}). */
    static String oneTransaction(List<Step> committed) {
        String rolledBack = "the run was one transaction (transaction_per_migration: false) and was rolled back";
        if (committed.isEmpty()) return rolledBack + " whole: nothing of this run stayed applied";
        return rolledBack + " to its last commit, made before a revision that runs outside a transaction; "
                + before(committed);
    }

    /** A step outside any transaction that failed at one of its statements; {@code applied} ran before it. */
    static String outside(String reason, List<Statement> applied, List<Step> committed) {
        String what = applied.isEmpty() ? "none of its statements took effect"
                : "its statement" + (applied.size() == 1 ? "" : "s") + " before this one stay"
                + (applied.size() == 1 ? "s" : "") + " applied (" + lines(applied) + ")";
        return "the revision runs outside a transaction (" + reason + "), so nothing of it was rolled back: " + what
                + ", and it is not recorded as applied; " + before(committed);
    }

    /** A step outside any transaction whose statements all ran, but whose version change failed. */
    static String notRecorded(String reason, List<Step> committed) {
        return "the revision runs outside a transaction (" + reason + "): all its statements stay applied, but"
                + " recording it failed and was rolled back, so it is not recorded as applied; " + before(committed);
    }

    /**
     * What this run committed before the failing step, and where that leaves the database: the
     * rows the run's steps wrote (a downgrade's last step leaves its revision's parents, not itself).
     */
    static String before(List<Step> committed) {
        if (committed.isEmpty()) return "no revision of this run was applied before it";
        String last = committed.get(committed.size() - 1).revision().id();
        boolean upgrade = committed.get(committed.size() - 1).upgrade();
        String done;
        if (upgrade) {
            done = committed.size() == 1 ? "the revision before it (" + last + ") stays applied"
                    : "the " + committed.size() + " revisions this run applied before it (up to " + last + ") stay applied";
        } else {
            done = committed.size() == 1 ? "the revision before it (" + last + ") was un-applied and stays so"
                    : "the " + committed.size() + " revisions this run un-applied before it (down to " + last + ") stay so";
        }
        return done + "; the database is at " + position(committed);
    }

    /** The version rows the committed steps leave, as the steps wrote them; rows of branches the run did not touch stay too. */
    static String position(List<Step> committed) {
        Set<String> rows = new LinkedHashSet<>();
        for (Step step : committed) {
            for (VersionChange c : step.changes()) {
                if (c instanceof VersionChange.Insert i) rows.add(i.id());
                else if (c instanceof VersionChange.Delete d) rows.remove(d.id());
                else if (c instanceof VersionChange.Update u) {
                    rows.remove(u.from());
                    rows.add(u.to());
                }
            }
        }
        return rows.isEmpty() ? "base" : String.join(", ", rows);
    }

    private static String lines(List<Statement> statements) {
        List<String> out = new ArrayList<>();
        for (Statement st : statements) {
            if (out.size() == LINES_LISTED) {
                out.add("...");
                break;
            }
            out.add(String.valueOf(st.line()));
        }
        return (statements.size() == 1 ? "line " : "lines ") + String.join(", ", out);
    }

    static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + " ...";
    }
}
