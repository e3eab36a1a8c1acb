package dev.migrate.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Step;
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
        List<Step> done = new ArrayList<>();
        if (steps.isEmpty()) return Uni.createFrom().item(done);
        Uni<Void> chain = versionTable.create(db);
        if (history != null) chain = chain.flatMap(v -> history.create(db));
        boolean oneTransaction = !transactionPerMigration;
        if (oneTransaction) chain = chain.flatMap(v -> db.execute("BEGIN")).replaceWithVoid();
        for (Step step : steps) {
            chain = chain.flatMap(v -> runStep(step, !oneTransaction)).invoke(() -> done.add(step));
        }
        if (oneTransaction) chain = chain.flatMap(v -> db.execute("COMMIT")).replaceWithVoid();
        return chain.onFailure().call(e -> rollback()).map(v -> done);
    }

    private Uni<Void> rollback() {
        return db.execute("ROLLBACK").onFailure().recoverWithItem(0).replaceWithVoid();
    }

    private Uni<Void> runStep(Step step, boolean ownTransaction) {
        RevisionScript script = scripts.apply(step.revision().id());
        List<Statement> statements = step.upgrade() ? script.body().upgrade(dialect) : script.body().downgrade(dialect);
        boolean alone = !script.transactional() || statements.stream().anyMatch(Statement::runsAlone);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Uni<Void> chain = Uni.createFrom().voidItem();
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
        return chain.invoke(() -> log.accept(Progress.line(step, script, (System.nanoTime() - started) / 1_000_000)));
    }

    private Uni<Void> record(Step step, RevisionScript script, Instant startedAt, long started) {
        if (history == null) return Uni.createFrom().voidItem();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return history.record(db, script.id(), step.upgrade(), script.checksum(), script.message(), startedAt, millis);
    }

    private Uni<Void> statements(RevisionScript script, List<Statement> statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Statement st : statements) {
            chain = chain.flatMap(v -> db.execute(st.sql()).replaceWithVoid()
                    .onFailure(StatementFailed.class).transform(e -> failure(script, st, (StatementFailed) e)));
        }
        return chain;
    }

    private MigrationFailed failure(RevisionScript script, Statement st, StatementFailed e) {
        String message = "revision " + script.revision().id() + " (" + script.message() + ") failed at "
                + script.file() + (st.line() > 0 ? ":" + st.line() : "") + "\n"
                + "  statement: " + abbreviate(st.shown()) + "\n"
                + "  " + db.dialectName() + " said: " + e.getMessage() + "\n"
                + "  the revision was rolled back; the revisions before it stay applied";
        return new MigrationFailed(script.revision().id(), message, e);
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + " ...";
    }
}
