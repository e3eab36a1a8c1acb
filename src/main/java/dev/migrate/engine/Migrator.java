package dev.migrate.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Step;
import dev.migrate.script.CheckFailed;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.Statement;
import io.smallrye.mutiny.Uni;

/**
 * Runs revision steps against one database. By default each revision and its version-table
 * update commit together, so a failure leaves every earlier revision applied and nothing of the
 * failing one. With {@code transactionPerMigration == false} the whole run is one transaction.
 * A revision that is not transactional, or holds a statement the database refuses in a
 * transaction, runs statement by statement in autocommit and then records its version change.
 * The history row of a step is written in the same transaction as its version change.
 *
 * <p>A statement may belong outside its revision's transaction (a session setting the database
 * cannot change inside one, such as SQLite's foreign keys): it runs before the transaction begins
 * or after it ends, also when the revision fails ({@link RevisionPhases}). A computed statement's
 * SQL is written just before its turn, from the database as the statements before it left it.
 */
public final class Migrator {
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

    /** Applies the steps in order and gives the ones that completed (all of them, unless it fails). */
    public Uni<List<Step>> run(List<Step> steps) {
        if (steps.isEmpty()) return Uni.createFrom().item(new ArrayList<>());
        if (transactionPerMigration) return run(steps, null);
        // In one run-wide transaction, what a revision needs around its transaction goes around the run's.
        return Uni.createFrom().item(() -> RevisionPhases.of(outerStatements(steps))).flatMap(outer -> run(steps, outer));
    }

    /** {@code outer} null runs each step in its own transaction; otherwise all in one, inside outer's statements. */
    private Uni<List<Step>> run(List<Step> steps, RevisionPhases outer) {
        List<Step> done = new ArrayList<>();
        Uni<Void> chain = versionTable.create(db);
        if (history != null) chain = chain.flatMap(v -> history.create(db));
        boolean oneTransaction = outer != null;
        if (oneTransaction) {
            chain = chain.flatMap(v -> statements(null, outer.before())).flatMap(v -> db.execute("BEGIN")).replaceWithVoid();
        }
        for (Step step : steps) {
            chain = chain.flatMap(v -> runStep(step, !oneTransaction)).invoke(() -> done.add(step));
        }
        List<Statement> after = oneTransaction ? outer.after() : List.of();
        if (oneTransaction) chain = chain.flatMap(v -> db.execute("COMMIT")).flatMap(v -> statements(null, after));
        return chain.onFailure().call(e -> rollback().flatMap(v -> quietly(after))).map(v -> done);
    }

    private Uni<Void> rollback() {
        return db.execute("ROLLBACK").onFailure().recoverWithItem(0).replaceWithVoid();
    }

    private List<Statement> render(Step step, RevisionScript script) {
        return step.upgrade() ? script.body().upgrade(dialect) : script.body().downgrade(dialect);
    }

    private List<Statement> outerStatements(List<Step> steps) {
        List<Statement> out = new ArrayList<>();
        for (Step step : steps) {
            for (Statement st : render(step, scripts.apply(step.revision().id()))) {
                if (RevisionPhases.isOuter(st)) out.add(st);
            }
        }
        return out;
    }

    private Uni<Void> runStep(Step step, boolean ownTransaction) {
        RevisionScript script = scripts.apply(step.revision().id());
        RevisionPhases phases = RevisionPhases.of(render(step, script));
        if (!ownTransaction) phases = phases.bodyOnly();
        List<Statement> statements = phases.inTransaction();
        List<Statement> after = phases.after();
        boolean alone = !script.transactional() || statements.stream().anyMatch(Statement::runsAlone);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Uni<Void> chain = statements(script, phases.before());
        if (alone && ownTransaction) {
            // Each statement commits on its own; only the version change is kept atomic.
            log.accept("  revision " + script.revision().id() + " runs outside a transaction"
                    + (script.transactional() ? " (it holds a statement that cannot run in one)" : ""));
            chain = chain.flatMap(v -> statements(script, statements));
            chain = chain.flatMap(v -> db.execute("BEGIN")).flatMap(v -> versionTable.apply(db, step.changes()))
                    .flatMap(v -> record(step, script, startedAt, started))
                    .flatMap(v -> db.execute("COMMIT")).replaceWithVoid();
        } else {
            if (ownTransaction) chain = chain.flatMap(v -> db.execute("BEGIN")).replaceWithVoid();
            chain = chain.flatMap(v -> statements(script, statements)).flatMap(v -> versionTable.apply(db, step.changes()))
                    .flatMap(v -> record(step, script, startedAt, started));
            if (ownTransaction) chain = chain.flatMap(v -> db.execute("COMMIT")).replaceWithVoid();
        }
        if (!after.isEmpty()) {
            chain = chain.flatMap(v -> statements(script, after))
                    .onFailure().call(e -> rollback().flatMap(v -> quietly(after)));
        }
        return chain.invoke(() -> log.accept(Progress.line(step, script, (System.nanoTime() - started) / 1_000_000)));
    }

    private Uni<Void> record(Step step, RevisionScript script, Instant startedAt, long started) {
        if (history == null) return Uni.createFrom().voidItem();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return history.record(db, script.id(), step.upgrade(), script.checksum(), script.message(), startedAt, millis);
    }

    /** Runs the statements in order; {@code script} null for those of a whole run (they name no revision). */
    private Uni<Void> statements(RevisionScript script, List<Statement> statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Statement st : statements) {
            chain = chain.flatMap(v -> st.isComputed() ? computed(script, st) : execute(script, st));
        }
        return chain;
    }

    private Uni<Void> execute(RevisionScript script, Statement st) {
        return db.execute(st.sql()).replaceWithVoid().onFailure(StatementFailed.class)
                .transform(e -> failure(script, st, "  " + db.dialectName() + " said: " + e.getMessage(), e));
    }

    /** A computed statement's SQL is written now, from the database as the statements before it left it. */
    private Uni<Void> computed(RevisionScript script, Statement st) {
        return st.computed().sql(db::query)
                .onFailure(StatementFailed.class)
                .transform(e -> failure(script, st, "  " + db.dialectName() + " said: " + e.getMessage(), e))
                .onFailure(CheckFailed.class).transform(e -> failure(script, st, "  " + e.getMessage(), e))
                .flatMap(sql -> statements(script, sql.stream().map(text -> new Statement(text, st.line())).toList()));
    }

    /** Runs {@code statements} after a failure, which stays the one reported. */
    private Uni<Void> quietly(List<Statement> statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Statement st : statements) {
            chain = chain.flatMap(v -> db.execute(st.sql()).onFailure().recoverWithItem(0).replaceWithVoid());
        }
        return chain;
    }

    /** The failure as the user reads it: the revision, file and line, statement and cause; {@code e} itself outside a revision. */
    private Throwable failure(RevisionScript script, Statement st, String cause, Throwable e) {
        if (script == null) return e;
        String message = "revision " + script.revision().id() + " (" + script.message() + ") failed at "
                + script.file() + (st.line() > 0 ? ":" + st.line() : "") + "\n"
                + "  statement: " + abbreviate(st.sql()) + "\n"
                + cause + "\n"
                + "  the revision was rolled back; the revisions before it stay applied";
        return new MigrationFailed(script.revision().id(), message, e);
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + " ...";
    }
}
