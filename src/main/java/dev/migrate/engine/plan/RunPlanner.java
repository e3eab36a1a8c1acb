package dev.migrate.engine.plan;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.graph.VersionChange;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.Statement;

/**
 * Lays out a run as transactions and statements, the one place that decides it for the live run and
 * the offline script alike.
 *
 * <p>By default each revision, its version change and its history row commit together. With
 * {@code transactionPerMigration == false} the whole run is one transaction. A revision that is not
 * transactional, or holds a statement the database refuses in a transaction ({@link Dialect#runsAlone}),
 * runs statement by statement in autocommit and then records its version change in a transaction of
 * its own; in the run's one transaction, what the run did so far is committed first and a new
 * transaction opens with the revision after it, so that a later failure leaves the version table
 * naming the revision that ran alone, not one before it.
 *
 * <p>A statement that belongs outside its revision's transaction (a session setting the database
 * cannot change inside one, such as SQLite's foreign keys) goes before the transaction begins or
 * after it ends ({@link RevisionPhases}); in the run's one transaction they go around the whole run.
 */
public final class RunPlanner {
    private final boolean transactionPerMigration;
    private final boolean keepsHistory;
    private final Dialect dialect;
    private final int serverMajorVersion;
    private final List<String> transactionSetUp;
    private final List<String> sessionSetUp;
    private final List<String> sessionReset;

    /**
     * @param dialect            the database's, which knows what it refuses inside a transaction
     * @param serverMajorVersion the server's major version, 0 when unknown (offline: a current server)
     * @param transactionSetUp   statements every revision's transaction runs right after its {@code BEGIN}
     *                           (a {@code SET LOCAL lock_timeout})
     * @param sessionSetUp       what a revision outside a transaction sets on the session before its
     *                           statements, where a {@code SET LOCAL} would hold to nothing
     * @param sessionReset       what it resets after them
     */
    public RunPlanner(boolean transactionPerMigration, boolean keepsHistory, Dialect dialect, int serverMajorVersion,
                      List<String> transactionSetUp, List<String> sessionSetUp, List<String> sessionReset) {
        this.transactionPerMigration = transactionPerMigration;
        this.keepsHistory = keepsHistory;
        this.dialect = dialect;
        this.serverMajorVersion = serverMajorVersion;
        this.transactionSetUp = List.copyOf(transactionSetUp);
        this.sessionSetUp = List.copyOf(sessionSetUp);
        this.sessionReset = List.copyOf(sessionReset);
    }

    /**
     * The plan of {@code steps}, in order. {@code versionTableExists} says the version table is known
     * to exist (an offline range that starts past base); otherwise the plan creates it unless it exists.
     */
    public RunPlan plan(List<RenderedStep> steps, boolean versionTableExists) {
        List<RevisionRun> revisions = new ArrayList<>(steps.size());
        if (transactionPerMigration) {
            for (RenderedStep s : steps) {
                RevisionPhases phases = RevisionPhases.of(s.statements());
                revisions.add(revision(s, phases.before(), phases.inTransaction(), phases.after(), false, true));
            }
            return new RunPlan(!versionTableExists, keepsHistory, false, List.of(), revisions, List.of());
        }
        List<Statement> outer = new ArrayList<>();
        for (RenderedStep s : steps) {
            for (Statement st : s.statements()) if (RevisionPhases.isOuter(st)) outer.add(st);
        }
        RevisionPhases around = RevisionPhases.of(outer);
        boolean open = false;
        for (int i = 0; i < steps.size(); i++) {
            RenderedStep s = steps.get(i);
            boolean last = i == steps.size() - 1;
            RevisionRun r = revision(s, List.of(), RevisionPhases.of(s.statements()).inTransaction(), List.of(), open, last);
            revisions.add(r);
            open = !r.outside() && !last;
        }
        return new RunPlan(!versionTableExists, keepsHistory, true, around.before(), revisions, around.after());
    }

    /**
     * Writes the version rows by {@code changes} in one transaction; with {@code purge}, after
     * emptying the table whatever it holds (and creating it unless it exists, whatever is known).
     */
    public StampPlan stamp(List<VersionChange> changes, boolean purge, boolean versionTableExists) {
        List<Action> actions = new ArrayList<>();
        if (purge) actions.add(new Action.PurgeVersions());
        for (VersionChange change : changes) actions.add(new Action.ChangeVersion(change));
        // Only migrate's own runs touch the version table, and they take turns under the migration lock:
        // no DDL lock limit to set.
        return new StampPlan(!versionTableExists || purge, new Transaction(true, List.of(), actions, true));
    }

    /**
     * One revision: its body in a transaction that begins unless {@code open} and commits when
     * {@code commit}, or, when it must run outside one, in autocommit followed by its records in a
     * transaction of their own.
     */
    private RevisionRun revision(RenderedStep s, List<Statement> before, List<Statement> body, List<Statement> after,
                                 boolean open, boolean commit) {
        String outside = outsideReason(s.script(), body);
        List<Action> records = records(s);
        if (outside != null) {
            // Its records' transaction touches only the version and history tables: no DDL lock to limit.
            return new RevisionRun(s.step(), s.script(), outside, before, open, sessionSetUp, body, sessionReset,
                    new Transaction(true, List.of(), records, true), after);
        }
        List<Action> actions = new ArrayList<>(body.size() + records.size());
        for (Statement st : body) actions.add(new Action.Run(st));
        actions.addAll(records);
        return new RevisionRun(s.step(), s.script(), null, before, false, List.of(), List.of(), List.of(),
                new Transaction(!open, open ? List.of() : transactionSetUp, actions, commit), after);
    }

    /** Why the revision must run outside a transaction, as the log says it; null when it need not. */
    private String outsideReason(RevisionScript script, List<Statement> statements) {
        if (!script.transactional()) return "transactional: false";
        for (Statement st : statements) {
            if (dialect.runsAlone(st, serverMajorVersion)) return "line " + st.line() + " cannot run inside a transaction";
        }
        return null;
    }

    /** The step's version-table changes, and its history row when a history table is kept. */
    private List<Action> records(RenderedStep s) {
        List<Action> out = new ArrayList<>();
        for (VersionChange change : s.step().changes()) out.add(new Action.ChangeVersion(change));
        RevisionScript script = s.script();
        if (keepsHistory) out.add(new Action.RecordHistory(script.id(), s.step().upgrade(), script.checksum(), script.message()));
        return out;
    }
}
