package dev.migrate.engine.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.migrate.MigrateException;
import dev.migrate.config.DdlLockSettings;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.TimeoutSettings;
import dev.migrate.engine.plan.Action;
import dev.migrate.engine.plan.RenderedStep;
import dev.migrate.engine.plan.RevisionRun;
import dev.migrate.engine.plan.RunPlan;
import dev.migrate.engine.plan.RunPlanner;
import dev.migrate.engine.plan.StampPlan;
import dev.migrate.engine.plan.Transaction;
import dev.migrate.graph.Step;
import dev.migrate.graph.VersionChange;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.OfflineCatalog;
import dev.migrate.sql.SqlScript;
import dev.migrate.sql.Statement;

/**
 * Writes as a SQL script what the online run would send for the same steps, without a database
 * ({@code upgrade --sql}, {@code downgrade --sql}, {@code stamp --sql}): the offline sink of the
 * {@link RunPlan} the online run sends, so the same rendering, the same version-table and history
 * statements and the same transactions. Only what needs a database differs: the history row takes
 * its start and user from the server's clock and session when the script runs, and no version
 * change can be checked by its row count.
 *
 * <p>Where the dialect computes statements from the catalog (SQLite's table rebuilds), every
 * statement written, and every statement of the revisions before the start of the range
 * ({@link #replay}), also feeds the dialect's {@link OfflineCatalog}: the definitions a computed
 * statement needs, known without a database. A computed statement is written from that model as
 * the statements before it left it, and what it writes feeds the model in turn; its phases go
 * where the online run sends them, around the transaction.
 *
 * <p>On PostgreSQL every transaction begins with the online run's {@code SET LOCAL lock_timeout}
 * (and {@code statement_timeout}), and a revision outside a transaction sets them on the session
 * around its statements, so the script waits for locks as the online run does; it cannot retry.
 */
public final class OfflineMigrator {
    private final Dialect dialect;
    private final VersionTable versionTable;
    private final HistoryTable history;
    private final boolean transactionPerMigration;
    private final Function<String, RevisionScript> scripts;
    private final Consumer<String> log;
    private final OfflineCatalog schema;
    private final TimeoutSettings timeouts;

    /** {@code history} null keeps no history table (the configuration's {@code history_table: null}). */
    public OfflineMigrator(Dialect dialect, VersionTable versionTable, HistoryTable history, boolean transactionPerMigration,
                           Function<String, RevisionScript> scripts, Consumer<String> log) {
        this(dialect, versionTable, history, transactionPerMigration, scripts, log, DdlLockSettings.DEFAULTS);
    }

    /** {@code ddlLock}: the lock and statement limits each transaction of the script sets. */
    public OfflineMigrator(Dialect dialect, VersionTable versionTable, HistoryTable history, boolean transactionPerMigration,
                           Function<String, RevisionScript> scripts, Consumer<String> log, DdlLockSettings ddlLock) {
        this.timeouts = new TimeoutSettings(ddlLock, dialect);
        this.dialect = dialect;
        this.versionTable = versionTable;
        this.history = history;
        this.transactionPerMigration = transactionPerMigration;
        this.scripts = scripts;
        this.log = log;
        this.schema = dialect.offlineCatalog();
    }

    /** The schema the statements so far build, where the dialect keeps one offline; else null. */
    public OfflineCatalog schema() {
        return schema;
    }

    /**
     * Feeds the schema model with the steps that brought the database to the start of the range,
     * writing nothing. A step that cannot be rendered here leaves every table unknown.
     */
    public void replay(List<Step> steps) {
        if (schema == null || steps.isEmpty()) return;
        // the run that applied them created these first
        schema.apply(versionTable.createSql(), "the version table");
        if (history != null) schema.apply(history.createSql(), "the history table");
        for (Step step : steps) {
            RevisionScript script = scripts.apply(step.revision().id());
            try {
                for (Statement st : statements(script, step.upgrade())) {
                    for (String sql : sql(script, st)) schema.apply(sql, origin(script, st));
                }
            } catch (MigrateException e) {
                schema.forgetAll(origin(script, null), "it cannot be rendered for sqlite: " + e.getMessage());
            }
        }
    }

    /**
     * The script that runs {@code steps} on a database whose version rows are {@code start}; empty
     * when there is nothing to run. Starting from base, it creates the version table first.
     */
    public String migrate(List<String> start, List<Step> steps) {
        if (steps.isEmpty()) return "";
        List<RenderedStep> rendered = new ArrayList<>(steps.size());
        for (Step step : steps) {
            RevisionScript script = scripts.apply(step.revision().id());
            rendered.add(new RenderedStep(step, script, statements(script, step.upgrade())));
        }
        RunPlan plan = planner().plan(rendered, !start.isEmpty());
        SqlScript out = new SqlScript();
        session(out);
        if (plan.createsVersionTable()) statement(out, versionTable.createSql(), "the version table");
        if (plan.createsHistoryTable()) statement(out, history.createSql(), "the history table");
        write(out, null, plan.before());
        for (RevisionRun r : plan.revisions()) revision(out, r);
        write(out, null, plan.after());
        return out.text();
    }

    /**
     * The script that changes the version rows from {@code start} by {@code changes}, in one
     * transaction; with {@code purge}, after emptying the table whatever it holds.
     */
    public String stamp(List<String> start, List<VersionChange> changes, boolean purge) {
        if (changes.isEmpty() && !purge) return "";
        StampPlan plan = planner().stamp(changes, purge, !start.isEmpty());
        SqlScript out = new SqlScript();
        session(out);
        if (plan.createsVersionTable()) statement(out, versionTable.createSql(), "the version table");
        transaction(out, null, plan.transaction());
        return out.text();
    }

    /** The planner of the online run, for a server of unknown version (taken as a current one). */
    private RunPlanner planner() {
        return new RunPlanner(transactionPerMigration, history != null, dialect, 0,
                timeouts.local(), timeouts.session(), timeouts.reset());
    }

    /** What the online session sets up on connecting. */
    private void session(SqlScript out) {
        if (schema != null) schema.sessionSetUp().forEach(out::statement);
    }

    /**
     * One revision as the plan places it, under a comment with the online run's progress line. A
     * revision that runs outside a transaction says so, and that the revisions before it are
     * committed first when they are.
     */
    private void revision(SqlScript out, RevisionRun r) {
        RevisionScript script = r.script();
        String running = running(r.step(), script);
        log.accept(running);
        out.comment(running);
        write(out, script, r.before());
        if (r.outside()) {
            String why = "revision " + script.id() + " runs outside a transaction"
                    + (script.transactional() ? " (it holds a statement that cannot run in one)" : "")
                    + (r.commitsFirst() ? "; the revisions before it are committed first" : "");
            log.accept("  " + why);
            out.comment(why);
            if (r.commitsFirst()) out.statement("COMMIT");
            r.sessionSetUp().forEach(out::statement);
            write(out, script, r.autocommit());
            r.sessionReset().forEach(out::statement);
        }
        transaction(out, script, r.transaction());
        write(out, script, r.after());
    }

    /** One transaction of the plan, or a revision's part of the run's one transaction. */
    private void transaction(SqlScript out, RevisionScript script, Transaction t) {
        if (t.begins()) out.statement("BEGIN");
        for (String sql : t.setUp()) out.statement(sql);
        for (Action action : t.actions()) {
            if (action instanceof Action.Run a) {
                write(out, script, List.of(a.statement()));
            } else if (action instanceof Action.ChangeVersion a) {
                out.statement(versionTable.changeSql(a.change()));
            } else if (action instanceof Action.PurgeVersions) {
                out.statement(versionTable.purgeSql());
            } else if (action instanceof Action.RecordHistory h) {
                out.statement(history.offlineInsertSql(dialect.name(), h.revision(), h.upgrade(), h.checksum(), h.message()));
            } else {
                throw new IllegalStateException("no SQL for " + action);
            }
        }
        if (t.commits()) out.statement("COMMIT");
    }

    /** Writes the statements in order, each computed one written from the schema the ones before it left. */
    private void write(SqlScript out, RevisionScript script, List<Statement> statements) {
        for (Statement st : statements) {
            String origin = script == null ? "the run" : origin(script, st);
            for (String sql : sql(script, st)) statement(out, sql, origin);
        }
    }

    /**
     * The SQL of a statement: its text, or for a computed one (a SQLite table rebuild) what the
     * schema model writes for it, preceded by the row checks it would make on a database.
     */
    private List<String> sql(RevisionScript script, Statement st) {
        if (!st.isComputed() || schema == null) return List.of(st.sql());
        return schema.write(st.computed(), script == null ? "the run" : origin(script, st));
    }

    private void statement(SqlScript out, String sql, String origin) {
        out.statement(sql);
        if (schema != null) schema.apply(sql, origin);
    }

    private List<Statement> statements(RevisionScript script, boolean upgrade) {
        return upgrade ? script.upgrade(dialect) : script.downgrade(dialect);
    }

    private static String origin(RevisionScript script, Statement st) {
        return "revision " + script.id() + " (" + script.file() + (st != null && st.line() > 0 ? ":" + st.line() : "") + ")";
    }

    /** The progress line of the online run, without its duration: {@code Running upgrade A -> B, message}. */
    static String running(Step step, RevisionScript script) {
        String self = step.revision().id();
        String parents = step.revision().downRevisions().isEmpty() ? "<base>" : String.join(", ", step.revision().downRevisions());
        String arrow = step.upgrade() ? parents + " -> " + self : self + " -> " + parents;
        return "Running " + (step.upgrade() ? "upgrade " : "downgrade ") + arrow + ", " + script.message();
    }
}
