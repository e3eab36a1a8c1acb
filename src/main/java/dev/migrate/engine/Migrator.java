package dev.migrate.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Step;
import dev.migrate.graph.VersionChange;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Statement;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Runs revision steps against one database.
 *
 * <p>Every step's statements are rendered before anything is sent, so a revision that cannot run
 * (an unknown operation, one the dialect cannot express, a missing {@code -x} value) fails the run
 * before the first one is applied.
 *
 * <p>By default each revision, its version-table change and its history row commit together, so a
 * failure leaves every earlier revision applied and nothing of the failing one. With
 * {@code transactionPerMigration == false} the whole run is one transaction. A revision that is
 * not transactional, or holds a statement the database refuses in a transaction (see
 * {@link Autocommit}), runs statement by statement in autocommit and then records its version
 * change in a transaction of its own; in the run's one transaction, what the run did so far is
 * committed first and a new transaction opens after it. The failure message says which of these
 * happened (see {@link FailureReport}).
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
 * <p>A statement may belong outside its revision's transaction (a session setting the database
 * cannot change inside one, such as SQLite's foreign keys): it runs before the transaction begins
 * or after it ends, also when the revision fails ({@link RevisionPhases}); in the run's one
 * transaction they go around the whole run. A computed statement's SQL is written just before its
 * turn, from the database as the statements before it left it (a SQLite table rebuild).
 */
public final class Migrator {
    /** Per transaction: its COMMIT does not wait for the WAL flush; a later synchronous commit flushes it. */
    private static final String ASYNC_COMMIT = "SET LOCAL synchronous_commit = off";
    /** In the run's one transaction, {@code now()} is the run's start: each step notes its own. */
    private static final String MARK_STEP_START = "SELECT set_config('migrate.step_started', clock_timestamp()::text, true)";
    private static final String STEP_STARTED = "current_setting('migrate.step_started')::timestamptz";

    private final Database db;
    private final Dialect dialect;
    private final VersionTable versionTable;
    private final HistoryTable history;
    private final boolean transactionPerMigration;
    private final Function<String, RevisionScript> scripts;
    private final Consumer<String> log;

    /** A runner that keeps no history table. */
    public Migrator(Database db, Dialect dialect, VersionTable versionTable, boolean transactionPerMigration,
                    Function<String, RevisionScript> scripts, Consumer<String> log) {
        this(db, dialect, versionTable, null, transactionPerMigration, scripts, log);
    }

    /** {@code history} null keeps no history table (the configuration's {@code history_table: null}). */
    public Migrator(Database db, Dialect dialect, VersionTable versionTable, HistoryTable history,
                    boolean transactionPerMigration, Function<String, RevisionScript> scripts, Consumer<String> log) {
        this.db = db;
        this.dialect = dialect;
        this.versionTable = versionTable;
        this.history = history;
        this.transactionPerMigration = transactionPerMigration;
        this.scripts = scripts;
        this.log = log;
    }

    /**
     * One step ready to run: its statements, those that go before and after its transaction, and why
     * it must run outside a transaction (null when it need not).
     */
    private record Planned(Step step, RevisionScript script, List<Statement> statements, List<Statement> before,
                           List<Statement> after, String outsideReason) {
        boolean outside() {
            return outsideReason != null;
        }
    }

    /** What a run has done so far, for the steps that follow and for a failure's message. */
    private static final class Run {
        final List<Step> done = new ArrayList<>();
        final List<Step> committed = new ArrayList<>();
        /** Steps done inside the open transaction (the run's one transaction), not committed yet. */
        final List<Step> uncommitted = new ArrayList<>();
        boolean open;

        void commit() {
            committed.addAll(uncommitted);
            uncommitted.clear();
            open = false;
        }
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

    /** Applies the steps in order and gives the ones that completed (all of them, unless it fails). */
    public Uni<List<Step>> run(List<Step> steps) {
        if (steps.isEmpty()) return Uni.createFrom().item(List.of());
        // Rendering parses YAML and walks every operation: work for a worker thread, never an event loop.
        return Uni.createFrom().item(() -> plan(steps))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(this::apply);
    }

    private List<Planned> plan(List<Step> steps) {
        List<Planned> out = new ArrayList<>(steps.size());
        for (Step step : steps) {
            RevisionScript script = scripts.apply(step.revision().id());
            List<Statement> statements;
            try {
                statements = step.upgrade() ? script.upgrade(dialect) : script.downgrade(dialect);
            } catch (MigrateException e) {
                throw new MigrateException(e.getMessage() + "\n  nothing was applied: every revision of the run is read"
                        + " before the first one runs", e.exitCode(), e);
            }
            RevisionPhases phases = RevisionPhases.of(statements);
            out.add(new Planned(step, script, phases.inTransaction(), phases.before(), phases.after(),
                    outsideReason(script, phases.inTransaction())));
        }
        return out;
    }

    private String outsideReason(RevisionScript script, List<Statement> statements) {
        if (!script.transactional()) return "transactional: false";
        for (Statement st : statements) {
            if (Autocommit.required(st, db.dialectName(), db.serverMajorVersion())) {
                return "line " + st.line() + " cannot run inside a transaction";
            }
        }
        return null;
    }

    private Uni<List<Step>> apply(List<Planned> planned) {
        Run run = new Run();
        Uni<Void> tables = versionTable.create(db);
        if (history != null) tables = tables.flatMap(v -> history.create(db));
        Planned last = planned.get(planned.size() - 1);
        if (transactionPerMigration) {
            return tables.flatMap(v -> each(planned, p -> around(run, p, p.before(), p.after(), () -> step(run, p, p == last))))
                    .map(v -> run.done);
        }
        // In the run's one transaction, what a revision needs around its transaction goes around the run's.
        List<Statement> outer = new ArrayList<>();
        for (Planned p : planned) {
            outer.addAll(p.before());
            outer.addAll(p.after());
        }
        RevisionPhases around = RevisionPhases.of(outer);
        return tables.flatMap(v -> around(run, planned.get(0), around.before(), around.after(),
                        () -> each(planned, p -> step(run, p, p == last))))
                .map(v -> run.done);
    }

    /**
     * {@code work} between the statements that go before and after a transaction; the ones after also
     * run when it fails (rolled back first), and that failure stays the one reported.
     */
    private Uni<Void> around(Run run, Planned p, List<Statement> before, List<Statement> after,
                             java.util.function.Supplier<Uni<Void>> work) {
        Uni<Void> chain = each(before, st -> execute(Command.statement(st)))
                .onFailure(CommandFailed.class).transform(e -> failure(p, (CommandFailed) e, FailureReport.rolledBack(run.committed)));
        return chain.flatMap(v -> work.get())
                .onFailure().call(e -> rollback().flatMap(v -> quietly(after)))
                .flatMap(v -> each(after, st -> execute(Command.statement(st)))
                        .onFailure(CommandFailed.class).transform(e -> failure(p, (CommandFailed) e,
                                "the revision was applied, but restoring the session afterwards failed")));
    }

    /** Runs {@code statements} after a failure, which stays the one reported. */
    private Uni<Void> quietly(List<Statement> statements) {
        return each(statements, st -> db.execute(st.sql()).onFailure().recoverWithItem(0).replaceWithVoid());
    }

    private Uni<Void> rollback() {
        return db.execute("ROLLBACK").onFailure().recoverWithItem(0).replaceWithVoid();
    }

    private Uni<Void> step(Run run, Planned p, boolean last) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Uni<Void> work = p.outside() ? outside(run, p, startedAt, started) : inTransaction(run, p, last, startedAt, started);
        return work.invoke(() -> {
            run.done.add(p.step());
            log.accept(Progress.line(p.step(), p.script(), (System.nanoTime() - started) / 1_000_000));
        });
    }

    /** The step's statements, version change and history row in the open transaction, or in one of their own. */
    private Uni<Void> inTransaction(Run run, Planned p, boolean last, Instant startedAt, long started) {
        List<Command> batch = new ArrayList<>();
        boolean begins = !run.open;
        if (begins) batch.add(Command.control("BEGIN"));
        boolean commit = transactionPerMigration || last;
        if (commit && !last && "postgresql".equals(db.dialectName())) batch.add(Command.control(ASYNC_COMMIT));
        String serverStart = null;
        if (db.pipelines()) {
            serverStart = begins ? "now()" : STEP_STARTED;
            if (!begins) batch.add(Command.control(MARK_STEP_START));
        }
        for (Statement st : p.statements()) batch.add(Command.statement(st));
        batch.addAll(record(p, startedAt, started, serverStart));
        if (commit) batch.add(Command.control("COMMIT"));
        run.open = true;
        return send(batch)
                .invoke(() -> {
                    run.uncommitted.add(p.step());
                    if (commit) run.commit();
                })
                .onFailure(CommandFailed.class).transform(e -> failure(p, (CommandFailed) e, transactionPerMigration
                        ? FailureReport.rolledBack(run.committed) : FailureReport.oneTransaction(run.committed)));
    }

    /**
     * The step's statements one by one in autocommit, then its version change and history row in a
     * transaction of their own. The run's open transaction, if any, is committed first.
     */
    private Uni<Void> outside(Run run, Planned p, Instant startedAt, long started) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        boolean committing = run.open;
        if (committing) {
            chain = execute(Command.control("COMMIT")).invoke(run::commit)
                    .onFailure(CommandFailed.class).transform(e -> failure(p, (CommandFailed) e, "committing the revisions"
                            + " before it, as it runs outside a transaction", FailureReport.oneTransaction(run.committed)));
        }
        List<Statement> applied = new ArrayList<>();
        chain = chain.invoke(() -> log.accept("  revision " + p.script().revision().id() + " runs outside a transaction ("
                + p.outsideReason() + ")" + (committing ? "; the revisions before it were committed first" : "")));
        chain = chain.flatMap(v -> each(p.statements(), st -> execute(Command.statement(st)).invoke(() -> applied.add(st))))
                .onFailure(CommandFailed.class).transform(e -> failure(p, (CommandFailed) e,
                        FailureReport.outside(p.outsideReason(), applied, run.committed)));
        List<Command> batch = new ArrayList<>();
        batch.add(Command.control("BEGIN"));
        batch.addAll(record(p, startedAt, started, null));
        batch.add(Command.control("COMMIT"));
        return chain.flatMap(v -> send(batch).invoke(() -> run.committed.add(p.step()))
                .onFailure(CommandFailed.class).transform(e -> failure(p, (CommandFailed) e,
                        FailureReport.notRecorded(p.outsideReason(), run.committed))));
    }

    /**
     * The version-table changes of a step, and its history row when a history table is kept.
     * {@code serverStart}, when not null, is the SQL for the step's start, and the server times the
     * row; otherwise it is timed here, when it is sent.
     */
    private List<Command> record(Planned p, Instant startedAt, long started, String serverStart) {
        List<Command> out = new ArrayList<>();
        for (VersionChange change : p.step().changes()) {
            out.add(Command.version(change, db.pipelines() ? versionTable.changeSqlFailingOnMismatch(change)
                    : versionTable.changeSql(change)));
        }
        if (history != null) {
            RevisionScript s = p.script();
            boolean up = p.step().upgrade();
            out.add(Command.history(serverStart != null
                    ? () -> history.insertSqlTimedByServer(s.id(), up, s.checksum(), s.message(), serverStart)
                    : () -> history.insertSql(s.id(), up, s.checksum(), s.message(), startedAt,
                            (System.nanoTime() - started) / 1_000_000)));
        }
        return out;
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

    private MigrationFailed failure(Planned p, CommandFailed e, String consequence) {
        return failure(p, e, null, consequence);
    }

    private MigrationFailed failure(Planned p, CommandFailed e, String what, String consequence) {
        String doing = what != null ? what : switch (e.command.kind()) {
            case STATEMENT -> null;
            case VERSION -> "updating the version table " + versionTable.qualifiedName();
            case HISTORY -> "writing its row in the history table " + history.qualifiedName();
            case CONTROL -> "running " + e.sql;
        };
        String advice = e.command.kind() == Command.Kind.HISTORY
                ? "check the history table, or set history_table: null to keep no log" : null;
        String message = FailureReport.header(p.script(), e.command, doing, e.sql, db.dialectName(), e.getCause(), advice)
                + "\n  " + consequence;
        return new MigrationFailed(p.script().revision().id(), message, e.getCause());
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
