package dev.migrate.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.migrate.MigrateException;
import dev.migrate.config.DdlLockSettings;
import dev.migrate.dialect.Dialect;
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
import dev.migrate.sql.Statement;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import dev.migrate.errors.MigrationFailed;

/**
 * Runs revision steps against one database: the live sink of a {@link RunPlan}, whose layout of
 * transactions and statements it sends as {@link RunPlanner} lays it out. What only a live run
 * does is its own: checking that every version change touched one row, timing the history rows,
 * rolling back and reporting what the database is at when a statement fails.
 *
 * <p>Every step's statements are rendered before anything is sent, so a revision that cannot run
 * (an unknown operation, one the dialect cannot express, a missing {@code -x} value) fails the run
 * before the first one is applied. The failure message says how the failing revision ran (in its
 * own transaction, in the run's one transaction, or outside any; see {@link FailureReport}).
 *
 * <p>Each revision costs one round trip on PostgreSQL: BEGIN, its statements, its version change,
 * its history row and COMMIT are pipelined (see {@link Database#pipeline}), the version change
 * checking itself on the server and the history row timed by the server, as both are sent before
 * any answer comes. A statement that must run alone is sent alone and waited for. Every revision but
 * the last of a run commits with {@code synchronous_commit = off}: a crash may then lose whole
 * revisions at the end of what was applied, never part of one, and the version table loses them with
 * them, so the next run applies them again; the last commit of the run is synchronous and makes the
 * earlier ones durable too.
 *
 * <p>The statements a revision needs outside its transaction also run when it fails, after the
 * rollback. A computed statement's SQL is written just before its turn, from the database as the
 * statements before it left it (a SQLite table rebuild).
 *
 * <p>On PostgreSQL each transaction limits how long its DDL waits for a lock, and a revision whose
 * statement gave up waiting is rolled back and run again ({@link DdlLockRetry}).
 */
public final class Migrator {
    private final Database db;
    private final Dialect dialect;
    private final VersionTable versionTable;
    private final HistoryTable history;
    private final boolean transactionPerMigration;
    private final Function<String, RevisionScript> scripts;
    private final Consumer<String> log;
    private final DdlLockRetry ddlLock;
    private BiConsumer<Step, Long> stepDone = (step, millis) -> { };

    /** A runner that keeps no history table. */
    public Migrator(Database db, Dialect dialect, VersionTable versionTable, boolean transactionPerMigration,
                    Function<String, RevisionScript> scripts, Consumer<String> log) {
        this(db, dialect, versionTable, null, transactionPerMigration, scripts, log);
    }

    /** {@code history} null keeps no history table (the configuration's {@code history_table: null}). */
    public Migrator(Database db, Dialect dialect, VersionTable versionTable, HistoryTable history,
                    boolean transactionPerMigration, Function<String, RevisionScript> scripts, Consumer<String> log) {
        this(db, dialect, versionTable, history, transactionPerMigration, scripts, log, DdlLockSettings.DEFAULTS);
    }

    /** {@code ddlLock}: how long DDL waits for its locks, and how often a revision that waited too long runs again. */
    public Migrator(Database db, Dialect dialect, VersionTable versionTable, HistoryTable history,
                    boolean transactionPerMigration, Function<String, RevisionScript> scripts, Consumer<String> log,
                    DdlLockSettings ddlLock) {
        this.ddlLock = new DdlLockRetry(ddlLock, dialect, db, log);
        this.db = db;
        this.dialect = dialect;
        this.versionTable = versionTable;
        this.history = history;
        this.transactionPerMigration = transactionPerMigration;
        this.scripts = scripts;
        this.log = log;
    }

    /** What a run has done so far, for the steps that follow and for a failure's message. */
    private static final class Run {
        final List<Step> done = new ArrayList<>();
        final List<Step> committed = new ArrayList<>();
        /** Steps done inside the open transaction (the run's one transaction), not committed yet. */
        final List<Step> uncommitted = new ArrayList<>();
        /**
         * The timings of uncommitted steps, told to the listener when they commit: an attempt that
         * rolls back to be run again ({@link DdlLockRetry}) is not what the --json results report.
         */
        final List<StepTime> untold = new ArrayList<>();
        final BiConsumer<Step, Long> stepDone;

        Run(BiConsumer<Step, Long> stepDone) {
            this.stepDone = stepDone;
        }

        /** A step completed in {@code millis}: told now if it is committed, else when its transaction commits. */
        void timed(Step step, long millis) {
            if (uncommitted.contains(step)) untold.add(new StepTime(step, millis));
            else stepDone.accept(step, millis);
        }

        void commit() {
            committed.addAll(uncommitted);
            uncommitted.clear();
            for (StepTime t : untold) stepDone.accept(t.step(), t.millis());
            untold.clear();
        }

        /** The open transaction failed and rolls back: what it did is undone, so that it can be tried again. */
        void rolledBack() {
            done.removeAll(uncommitted);
            uncommitted.clear();
            untold.clear();
        }
    }

    private record StepTime(Step step, long millis) {
    }

    /** A command the database refused, or whose result was wrong, with the SQL sent. */
    private static final class CommandFailed extends RuntimeException {
        final Command command;
        final String sql;

        CommandFailed(Command command, String sql, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.command = command;
            this.sql = sql;
        }
    }

    /**
     * Tells {@code listener} each step once it is committed, with the milliseconds it took (the --json
     * results' timings): in the run's one transaction, when that commits; of a transaction run again
     * after a lock timeout, only the attempt that committed.
     */
    public Migrator onStepDone(BiConsumer<Step, Long> listener) {
        this.stepDone = listener;
        return this;
    }

    /** Applies the steps in order and gives the ones that completed (all of them, unless it fails). */
    public Uni<List<Step>> run(List<Step> steps) {
        if (steps.isEmpty()) return Uni.createFrom().item(List.of());
        // Rendering parses YAML and walks every operation: work for a worker thread, never an event loop.
        return Uni.createFrom().item(() -> plan(steps))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(this::apply);
    }

    /**
     * Writes the version rows by {@code changes} in one transaction, each change checked to touch
     * one row; {@code purge} empties the table first. Creates the table unless it exists.
     */
    public Uni<Void> stamp(List<VersionChange> changes, boolean purge) {
        StampPlan plan = planner().stamp(changes, purge, false);
        Uni<Void> chain = plan.createsVersionTable() ? versionTable.create(db) : Uni.createFrom().voidItem();
        Transaction t = plan.transaction();
        List<String> control = new ArrayList<>();
        if (t.begins()) control.add("BEGIN");
        control.addAll(t.setUp());
        chain = chain.flatMap(v -> each(control, sql -> db.execute(sql).replaceWithVoid()));
        for (Action action : t.actions()) {
            if (action instanceof Action.PurgeVersions) {
                chain = chain.flatMap(v -> db.execute(versionTable.purgeSql()).replaceWithVoid());
            } else if (action instanceof Action.ChangeVersion c) {
                chain = chain.flatMap(v -> versionTable.apply(db, List.of(c.change())));
            } else {
                throw new IllegalStateException("stamp plans no " + action);
            }
        }
        if (t.commits()) chain = chain.flatMap(v -> db.execute("COMMIT").replaceWithVoid());
        return chain.onFailure().call(e -> db.execute("ROLLBACK").onFailure().recoverWithItem(0));
    }

    private RunPlanner planner() {
        return new RunPlanner(transactionPerMigration, history != null, dialect, db.serverMajorVersion(),
                ddlLock.timeouts().local(), ddlLock.timeouts().session(), ddlLock.timeouts().reset());
    }

    private RunPlan plan(List<Step> steps) {
        List<RenderedStep> rendered = new ArrayList<>(steps.size());
        for (Step step : steps) {
            RevisionScript script = scripts.apply(step.revision().id());
            try {
                rendered.add(new RenderedStep(step, script, step.upgrade() ? script.upgrade(dialect) : script.downgrade(dialect)));
            } catch (MigrateException e) {
                throw new MigrateException(e.getMessage() + "\n  nothing was applied: every revision of the run is read"
                        + " before the first one runs", e.exitCode(), e);
            }
        }
        return planner().plan(rendered, false);
    }

    private Uni<List<Step>> apply(RunPlan plan) {
        Run run = new Run(stepDone);
        Uni<Void> tables = plan.createsVersionTable() ? versionTable.create(db) : Uni.createFrom().voidItem();
        if (plan.createsHistoryTable()) tables = tables.flatMap(v -> history.create(db));
        List<RevisionRun> revisions = plan.revisions();
        RevisionRun last = revisions.get(revisions.size() - 1);
        if (!plan.oneTransaction()) {
            // A revision outside a transaction is not run again: what it ran in autocommit stays applied.
            return tables.flatMap(v -> each(revisions, r -> ddlLock.run(
                            () -> around(run, r, r.before(), r.after(), () -> revision(run, r, r == last)), () -> !r.outside())))
                    .map(v -> run.done);
        }
        // The run's one transaction is run again only while none of it has been committed.
        return tables.flatMap(v -> ddlLock.run(() -> around(run, revisions.get(0), plan.before(), plan.after(),
                        () -> each(revisions, r -> revision(run, r, r == last))), run.committed::isEmpty))
                .map(v -> run.done);
    }

    /**
     * {@code work} between the statements that go before and after a transaction; the ones after also
     * run when it fails (rolled back first), and that failure stays the one reported.
     */
    private Uni<Void> around(Run run, RevisionRun r, List<Statement> before, List<Statement> after,
                             java.util.function.Supplier<Uni<Void>> work) {
        Uni<Void> chain = each(before, st -> execute(Command.statement(st)))
                .onFailure(CommandFailed.class).transform(e -> failure(r, (CommandFailed) e, FailureReport.rolledBack(run.committed)));
        return chain.flatMap(v -> work.get())
                .onFailure().call(e -> rollback().flatMap(v -> quietly(after)))
                .flatMap(v -> each(after, st -> execute(Command.statement(st)))
                        .onFailure(CommandFailed.class).transform(e -> failure(r, (CommandFailed) e,
                                "the revision was applied, but restoring the session afterwards failed")));
    }

    /** Runs {@code statements} after a failure, which stays the one reported. */
    private Uni<Void> quietly(List<Statement> statements) {
        return each(statements, st -> db.execute(st.sql()).onFailure().recoverWithItem(0).replaceWithVoid());
    }

    private Uni<Void> rollback() {
        return db.execute("ROLLBACK").onFailure().recoverWithItem(0).replaceWithVoid();
    }

    private Uni<Void> revision(Run run, RevisionRun r, boolean last) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Uni<Void> work = r.outside() ? outside(run, r, startedAt, started)
                : runTransaction(run, r, r.transaction(), last, startedAt, started);
        return work.invoke(() -> {
            run.done.add(r.step());
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.accept(Progress.line(r.step(), r.script(), millis));
            run.timed(r.step(), millis);
        });
    }

    /**
     * The revision's statements one by one in autocommit, then its version change and history row in
     * a transaction of their own. The run's open transaction, if any, is committed first.
     */
    private Uni<Void> outside(Run run, RevisionRun r, Instant startedAt, long started) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (r.commitsFirst()) {
            chain = execute(Command.control("COMMIT")).invoke(run::commit)
                    .onFailure(CommandFailed.class).transform(e -> failure(r, (CommandFailed) e, "committing the revisions"
                            + " before it, as it runs outside a transaction", FailureReport.oneTransaction(run.committed)));
        }
        List<Statement> applied = new ArrayList<>();
        chain = chain.invoke(() -> log.accept("  revision " + r.script().revision().id() + " runs outside a transaction ("
                + r.outsideReason() + ")" + (r.commitsFirst() ? "; the revisions before it were committed first" : "")));
        // The session's limits are reset also when a statement fails: the session may serve a caller after the run.
        chain = chain.flatMap(v -> each(r.sessionSetUp(), sql -> execute(Command.control(sql))))
                .flatMap(v -> each(r.autocommit(), st -> execute(Command.statement(st)).invoke(() -> applied.add(st)))
                        .onFailure().call(e -> each(r.sessionReset(), sql -> db.execute(sql).onFailure().recoverWithItem(0).replaceWithVoid())))
                .flatMap(v -> each(r.sessionReset(), sql -> execute(Command.control(sql))))
                .onFailure(CommandFailed.class).transform(e -> failure(r, (CommandFailed) e,
                        FailureReport.outside(r.outsideReason(), applied, run.committed)));
        return chain.flatMap(v -> runTransaction(run, r, r.transaction(), false, startedAt, started));
    }

    /**
     * Sends one transaction of the plan, or a revision's part of the run's one transaction: the one
     * place a transaction attempt reaches the database, so that a retry (of a lock timeout, say) has
     * one method to wrap. Built anew on each subscription, so a retry sends it afresh.
     *
     * <p>Every transaction of a revision but the last of a run commits with
     * {@code synchronous_commit = off} on PostgreSQL; where the database pipelines, the server times
     * the history row, as everything is sent before any answer comes.
     */
    private Uni<Void> runTransaction(Run run, RevisionRun r, Transaction t, boolean last, Instant startedAt, long started) {
        return Uni.createFrom().deferred(() -> {
            List<Command> batch = new ArrayList<>();
            if (t.begins()) batch.add(Command.control("BEGIN"));
            for (String sql : t.setUp()) batch.add(Command.control(sql));
            String asyncCommit = dialect.asyncCommitSql();
            if (!r.outside() && t.commits() && !last && asyncCommit != null) batch.add(Command.control(asyncCommit));
            String serverStart = null;
            if (!r.outside() && db.pipelines()) {
                // In the run's one transaction, now() is the run's start: each step notes its own.
                serverStart = t.begins() ? "now()" : dialect.bookkeeping().stepStarted();
                if (!t.begins()) batch.add(Command.control(dialect.bookkeeping().markStepStart()));
            }
            for (Action action : t.actions()) batch.add(command(action, startedAt, started, serverStart));
            if (t.commits()) batch.add(Command.control("COMMIT"));
            return send(batch);
        }).invoke(() -> {
            run.uncommitted.add(r.step());
            if (t.commits()) run.commit();
        }).onFailure().invoke(run::rolledBack).onFailure(CommandFailed.class).transform(e -> failure(r, (CommandFailed) e, r.outside()
                ? FailureReport.notRecorded(r.outsideReason(), run.committed)
                : transactionPerMigration ? FailureReport.rolledBack(run.committed) : FailureReport.oneTransaction(run.committed)));
    }

    /**
     * What the runner sends for one action. {@code serverStart}, when not null, is the SQL for the
     * step's start, and the server times the history row; otherwise it is timed here, when it is sent.
     */
    private Command command(Action action, Instant startedAt, long started, String serverStart) {
        if (action instanceof Action.Run a) return Command.statement(a.statement());
        if (action instanceof Action.ChangeVersion a) {
            VersionChange change = a.change();
            return Command.version(change, db.pipelines() ? versionTable.changeSqlFailingOnMismatch(change)
                    : versionTable.changeSql(change));
        }
        if (action instanceof Action.RecordHistory h) {
            return Command.history(serverStart != null
                    ? () -> history.insertSqlTimedByServer(h.revision(), h.upgrade(), h.checksum(), h.message(), serverStart)
                    : () -> history.insertSql(h.revision(), h.upgrade(), h.checksum(), h.message(), startedAt,
                            (System.nanoTime() - started) / 1_000_000));
        }
        if (action instanceof Action.PurgeVersions) return Command.control(versionTable.purgeSql());
        throw new IllegalStateException("no command for " + action);
    }

    /**
     * Sends commands in order, stopping at the first that fails: in one round trip where the
     * database pipelines (the commands are always one transaction block, or part of one), else one
     * by one.
     */
    private Uni<Void> send(List<Command> commands) {
        if (!db.pipelines() || commands.stream().anyMatch(Migrator::computed)) return each(commands, this::execute);
        List<String> sql = new ArrayList<>(commands.size());
        for (Command c : commands) sql.add(c.sql().get());
        return db.pipeline(sql).replaceWithVoid()
                .onFailure(PipelineFailed.class).transform(e -> {
                    PipelineFailed f = (PipelineFailed) e;
                    Command c = commands.get(f.index());
                    StatementFailed refused = f.statementFailed();
                    boolean mismatch = c.change() != null && VersionTable.MISMATCH_SQLSTATE.equals(refused.sqlState());
                    // A mismatch is shown as the change it is, not as the statement that checks it.
                    return mismatch
                            ? new CommandFailed(c, versionTable.changeSql(c.change()), new MigrateException(versionTable.mismatch(c.change(), 0)))
                            : new CommandFailed(c, sql.get(f.index()), refused);
                });
    }

    /**
     * Sends one command: the one place where SQL reaches the database, so that a statement whose
     * SQL must be computed from the live database first has one place to do it.
     */
    private Uni<Void> execute(Command command) {
        if (computed(command)) return computed(command.statement(), command);
        String sql = command.sql().get();
        return db.execute(sql)
                .onFailure(StatementFailed.class).transform(e -> new CommandFailed(command, sql, e))
                .map(count -> {
                    if (command.change() != null && count != 1) {
                        throw new CommandFailed(command, sql, new MigrateException(versionTable.mismatch(command.change(), count)));
                    }
                    return null;
                });
    }

    private static boolean computed(Command command) {
        return command.statement() != null && command.statement().isComputed();
    }

    /** A computed statement's SQL is written now, from the database as the statements before it left it. */
    private Uni<Void> computed(Statement st, Command command) {
        return st.computed().sql(db::query)
                .onFailure(e -> e instanceof StatementFailed || e instanceof CheckFailed)
                .transform(e -> new CommandFailed(command, st.sql(), e))
                .flatMap(sqls -> each(sqls, sql -> execute(Command.statement(new Statement(sql, st.line())))));
    }

    private MigrationFailed failure(RevisionRun r, CommandFailed e, String consequence) {
        return failure(r, e, null, consequence);
    }

    private MigrationFailed failure(RevisionRun r, CommandFailed e, String what, String consequence) {
        String doing = what != null ? what : switch (e.command.kind()) {
            case STATEMENT -> null;
            case VERSION -> "updating the version table " + versionTable.qualifiedName();
            case HISTORY -> "writing its row in the history table " + history.qualifiedName();
            case CONTROL -> "running " + e.sql;
        };
        String advice = e.command.kind() == Command.Kind.HISTORY
                ? "check the history table, or set history_table: null to keep no log" : null;
        String message = FailureReport.header(r.script(), e.command, doing, e.sql, db.dialectName(), e.getCause(), advice)
                + "\n  " + consequence;
        return new MigrationFailed(r.script().revision().id(), message, e.getCause(), e.sql);
    }

    /** Runs {@code action} on each item in turn, the next one starting when the previous one has ended. */
    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<Void>> action) {
        if (items.isEmpty()) return Uni.createFrom().voidItem();
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> action.apply(item).replaceWith(Boolean.TRUE))
                .collect().last()
                .replaceWithVoid();
    }
}
