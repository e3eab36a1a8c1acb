package dev.migrate.engine.offline;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.VersionTable;
import dev.migrate.graph.Step;
import dev.migrate.graph.VersionChange;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.Statement;

/**
 * Writes as a SQL script what the online run would send for the same steps, without a database
 * ({@code upgrade --sql}, {@code downgrade --sql}, {@code stamp --sql}): the same rendering, the same
 * version-table and history statements, the same transactions. Each revision commits with its
 * version change; with {@code transactionPerMigration == false} one transaction holds them all.
 * A revision that is not transactional, or holds a statement the database refuses in a
 * transaction, runs outside one and then records its version change in a transaction of its own.
 *
 * <p>On SQLite every statement written, and every statement of the revisions before the start of
 * the range ({@link #replay}), also feeds a {@link SqliteSchemaModel}: the table definitions a
 * table rebuild needs, known without a database.
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
                for (Statement st : statements(script, step.upgrade())) schema.apply(st.sql(), origin(script, st));
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
        boolean oneTransaction = !transactionPerMigration;
        if (oneTransaction) out.statement("BEGIN");
        for (Step step : steps) step(out, step, oneTransaction);
        if (oneTransaction) out.statement("COMMIT");
        return out.text();
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

    private void step(SqlScript out, Step step, boolean inOuterTransaction) {
        RevisionScript script = scripts.apply(step.revision().id());
        List<Statement> statements = statements(script, step.upgrade());
        boolean alone = !script.transactional() || statements.stream().anyMatch(Statement::runsAlone);
        String running = running(step, script);
        log.accept(running);
        out.comment(running);
        if (alone) {
            // Each statement commits on its own; only the version change is kept atomic.
            String why = "revision " + script.id() + " runs outside a transaction"
                    + (script.transactional() ? " (it holds a statement that cannot run in one)" : "");
            log.accept("  " + why);
            out.comment(why);
            if (inOuterTransaction) out.statement("COMMIT");
            for (Statement st : statements) statement(out, st.sql(), origin(script, st));
            out.statement("BEGIN");
            record(out, step, script);
            if (!inOuterTransaction) out.statement("COMMIT");
        } else {
            if (!inOuterTransaction) out.statement("BEGIN");
            for (Statement st : statements) statement(out, st.sql(), origin(script, st));
            record(out, step, script);
            if (!inOuterTransaction) out.statement("COMMIT");
        }
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
