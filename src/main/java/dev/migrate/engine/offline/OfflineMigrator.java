package dev.migrate.engine.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.RevisionPhases;
import dev.migrate.engine.VersionTable;
import dev.migrate.graph.Step;
import dev.migrate.graph.VersionChange;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Statement;
import dev.migrate.sqlite.SqlTokens;

/**
 * Writes as a SQL script what the online run would send for the same steps, without a database
 * ({@code upgrade --sql}, {@code downgrade --sql}, {@code stamp --sql}): the same rendering, the same
 * version-table and history statements, the same transactions. Each revision commits with its
 * version change; with {@code transactionPerMigration == false} one transaction holds them all.
 * A revision that is not transactional, or holds a statement the database refuses in a
 * transaction, runs outside one and then records its version change in a transaction of its own;
 * in the run's one transaction, the revisions before it are committed first and a new transaction
 * opens with the revision after it ({@link dev.migrate.engine.Migrator}'s order, statement for statement).
 *
 * <p>On SQLite every statement written, and every statement of the revisions before the start of
 * the range ({@link #replay}), also feeds a {@link SqliteSchemaModel}: the table definitions a
 * table rebuild needs, known without a database. A computed statement (a rebuild) is written from
 * the model as the statements before it left it ({@link ModelCatalog}), and what it writes feeds
 * the model in turn; its phases go where the online run sends them, around the transaction.
 */
public final class OfflineMigrator {
    private final Dialect dialect;
    private final VersionTable versionTable;
    private final HistoryTable history;
    private final boolean transactionPerMigration;
    private final Function<String, RevisionScript> scripts;
    private final Consumer<String> log;
    private final SqliteSchemaModel schema;

    /** {@code history} null keeps no history table (the configuration's {@code history_table: null}). */
    public OfflineMigrator(Dialect dialect, VersionTable versionTable, HistoryTable history, boolean transactionPerMigration,
                           Function<String, RevisionScript> scripts, Consumer<String> log) {
        this.dialect = dialect;
        this.versionTable = versionTable;
        this.history = history;
        this.transactionPerMigration = transactionPerMigration;
        this.scripts = scripts;
        this.log = log;
        this.schema = "sqlite".equals(dialect.name()) ? new SqliteSchemaModel() : null;
    }

    /** The schema the statements so far build, on SQLite; null on other dialects. */
    public SqliteSchemaModel schema() {
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
        SqlScript out = new SqlScript();
        if (steps.isEmpty()) return "";
        session(out);
        if (start.isEmpty()) statement(out, versionTable.createSql(), "the version table");
        if (history != null) statement(out, history.createSql(), "the history table");
        if (transactionPerMigration) {
            for (Step step : steps) step(out, step, false, true);
            return out.text();
        }
        // As online: what a revision needs around its transaction goes around the run's.
        RevisionPhases outer = RevisionPhases.of(outerStatements(steps));
        write(out, null, outer.before());
        boolean open = false;
        for (int i = 0; i < steps.size(); i++) open = step(out, steps.get(i), open, i == steps.size() - 1);
        write(out, null, outer.after());
        return out.text();
    }

    private List<Statement> outerStatements(List<Step> steps) {
        List<Statement> out = new ArrayList<>();
        for (Step step : steps) {
            for (Statement st : statements(scripts.apply(step.revision().id()), step.upgrade())) {
                if (RevisionPhases.isOuter(st)) out.add(st);
            }
        }
        return out;
    }

    /**
     * The script that changes the version rows from {@code start} by {@code changes}, in one
     * transaction; with {@code purge}, after emptying the table whatever it holds.
     */
    public String stamp(List<String> start, List<VersionChange> changes, boolean purge) {
        SqlScript out = new SqlScript();
        if (changes.isEmpty() && !purge) return "";
        session(out);
        if (start.isEmpty() || purge) statement(out, versionTable.createSql(), "the version table");
        out.statement("BEGIN");
        if (purge) out.statement(versionTable.purgeSql());
        for (VersionChange change : changes) out.statement(versionTable.changeSql(change));
        out.statement("COMMIT");
        return out.text();
    }

    /** What the online session sets up on connecting: SQLite enforces foreign keys there. */
    private void session(SqlScript out) {
        if (schema != null) out.statement("PRAGMA foreign_keys = ON");
    }

    /**
     * One revision, its statements placed as the online run sends them: the session settings of
     * its outer phases before BEGIN and after COMMIT (hoisted around the whole run when it is one
     * transaction), its body and end-of-transaction checks inside. {@code open} says whether the
     * run's one transaction is open when it starts; the revision commits when {@code commit} (each
     * revision its own transaction, or the last of the run). Gives whether the transaction is open
     * after it.
     *
     * <p>A revision that runs outside a transaction commits the open one first, and its version
     * change and history row commit on their own, as online: a later revision that fails when the
     * script runs then leaves the version table naming it, not a revision before it.
     */
    private boolean step(SqlScript out, Step step, boolean open, boolean commit) {
        RevisionScript script = scripts.apply(step.revision().id());
        RevisionPhases phases = RevisionPhases.of(statements(script, step.upgrade()));
        if (!transactionPerMigration) phases = phases.bodyOnly();
        List<Statement> body = phases.inTransaction();
        boolean alone = !script.transactional() || body.stream().anyMatch(Statement::runsAlone);
        String running = running(step, script);
        log.accept(running);
        out.comment(running);
        write(out, script, phases.before());
        if (alone) {
            // Each statement commits on its own; only the version change is kept atomic.
            String why = "revision " + script.id() + " runs outside a transaction"
                    + (script.transactional() ? " (it holds a statement that cannot run in one)" : "")
                    + (open ? "; the revisions before it are committed first" : "");
            log.accept("  " + why);
            out.comment(why);
            if (open) out.statement("COMMIT");
            write(out, script, body);
            out.statement("BEGIN");
            record(out, step, script);
            out.statement("COMMIT");
        } else {
            if (!open) out.statement("BEGIN");
            write(out, script, body);
            record(out, step, script);
            if (commit) out.statement("COMMIT");
        }
        write(out, script, phases.after());
        return !alone && !commit;
    }

    /** Writes the statements in order, each computed one written from the schema the ones before it left. */
    private void write(SqlScript out, RevisionScript script, List<Statement> statements) {
        for (Statement st : statements) {
            String origin = script == null ? "the run" : origin(script, st);
            for (String sql : sql(script, st)) statement(out, sql, origin);
        }
    }

    /**
     * The SQL of a statement: its text, or for a computed one (a SQLite table rebuild) what it
     * writes from the schema model, preceded by the row checks it would make on a database. A
     * rebuild of a table whose definition the model does not know fails naming the revision
     * that made it unknown, rather than rebuilding from a wrong definition.
     */
    private List<String> sql(RevisionScript script, Statement st) {
        if (!st.isComputed() || schema == null) return List.of(st.sql());
        String origin = script == null ? "the run" : origin(script, st);
        ModelCatalog catalog = new ModelCatalog(schema);
        List<String> sql;
        try {
            sql = st.computed().sql(catalog).await().indefinitely();
        } catch (CheckFailed e) {
            MigrateException why = schema.explain(origin, e.getMessage());
            throw why != null ? why : new MigrateException(origin + ": " + e.getMessage());
        } catch (MigrateException e) {
            throw new MigrateException(origin + ": " + e.getMessage(), e);
        }
        for (String statement : sql) {
            String dropped = droppedTable(statement);
            if (dropped != null) schema.require(dropped, origin);
        }
        List<String> out = new ArrayList<>(catalog.checks());
        out.addAll(sql);
        return out;
    }

    /** The table of a {@code DROP TABLE} of the main database (how a rebuild replaces it), else null. */
    private static String droppedTable(String sql) {
        List<SqlTokens.Token> t = SqlTokens.of(sql);
        if (t.size() != 3 || !t.get(0).is("DROP") || !t.get(1).is("TABLE") || !t.get(2).isIdentifier()) return null;
        return t.get(2).identifier();
    }

    /** The version change of a step and its history row. */
    private void record(SqlScript out, Step step, RevisionScript script) {
        for (VersionChange change : step.changes()) out.statement(versionTable.changeSql(change));
        if (history != null) {
            out.statement(history.offlineInsertSql(dialect.name(), script.id(), step.upgrade(), script.checksum(),
                    script.message()));
        }
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
