package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.migrate.core.Operations;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.offline.OfflineMigrator;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.support.CountingDatabase;
import dev.migrate.support.EngineTestBase;

/**
 * The live run and the offline script follow one run plan: for the same steps, the statements sent
 * to the database and the statements the script prints are the same sequence, once what only a
 * live run can add is set aside (below). Upgrades with a revision that runs alone, in a transaction
 * per revision and in one for the run, a downgrade through it, and a stamp. Subclassed per engine.
 */
public abstract class RunPlanScenarios extends EngineTestBase {
    private static final String HISTORY = "migrate_history";
    /** A history row, up to its checksum: the rest (start, duration, user) the live run measures and the script asks the server for. */
    private static final Pattern HISTORY_ROW = Pattern.compile(
            "(?s)(INSERT INTO " + HISTORY + " \\(.*?\\) VALUES \\('[^']*', '[^']*', '[^']*'), .*");
    /** A version change that checks its row count on the server, as a pipelined run sends it. */
    private static final Pattern CHECKED_CHANGE = Pattern.compile(
            "(?s)WITH changed AS \\((.*) RETURNING 1\\) SELECT 1 / \\(count\\(\\*\\) = 1\\)::int FROM changed");

    /** A statement this engine refuses inside a transaction, on the {@code accounts (id)} table, and its undoing. */
    protected abstract String statementThatRunsAlone();

    protected abstract String undoStatementThatRunsAlone();

    /** What the session runs on connecting, which the script writes first: before the recording starts live. */
    protected abstract List<String> sessionSetUp();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTransactionPerRevision() {
        sameSequences(true);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void oneTransactionForTheRun() {
        sameSequences(false);
    }

    private void sameSequences(boolean perRevision) {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE notes (id INTEGER);\nINSERT INTO notes (id) VALUES (1);", "DROP TABLE notes;");
        project.sql("c3", "b2", statementThatRunsAlone() + ";", undoStatementThatRunsAlone() + ";");
        project.sql("d4", "c3", "CREATE TABLE tags (id INTEGER);", "DROP TABLE tags;");
        ScriptDirectory scripts = ScriptDirectory.load(List.of(project.versions()));
        RevisionMap graph = new RevisionMap(scripts.revisions());
        CountingDatabase session = new CountingDatabase(db.open());
        Dialect dialect = Dialect.named(session.dialectName());
        VersionTable versions = new VersionTable(null, "alembic_version", dialect);
        HistoryTable history = new HistoryTable(null, HISTORY, "9.9.9", dialect);
        Supplier<OfflineMigrator> offline = () -> new OfflineMigrator(dialect, versions, history, perRevision, scripts::byId, line -> { });
        Migrator live = new Migrator(session, dialect, versions, history, perRevision, scripts::byId, line -> { });
        try {
            List<Step> up = graph.upgrade(List.of(), "head");
            String script = offline.get().migrate(List.of(), up);
            List<String> sent = sent(session, () -> live.run(up).await().indefinitely());
            assertEquals(statements(script), live(sent), "upgrade from base");

            List<Step> down = graph.downgrade(List.of("d4"), "a1");
            script = offline.get().migrate(List.of("d4"), down);
            sent = sent(session, () -> live.run(down).await().indefinitely());
            assertEquals(withoutOwnTables(statements(script)), withoutOwnTables(live(sent)), "downgrade through the revision that runs alone");

            List<String> next = graph.stamp(List.of("a1"), List.of("head"), false);
            script = offline.get().stamp(List.of("a1"), Operations.stampChanges(List.of("a1"), next), false);
            sent = sent(session, () -> live.stamp(Operations.stampChanges(List.of("a1"), next), false).await().indefinitely());
            assertEquals(withoutOwnTables(statements(script)), withoutOwnTables(live(sent)), "stamp");
        } finally {
            session.close().await().indefinitely();
        }
    }

    /** What {@code run} sends through the session. */
    private static List<String> sent(CountingDatabase session, Runnable run) {
        int before = session.sent().size();
        run.run();
        return session.sent().subList(before, session.sent().size());
    }

    /** The script's statements, its comments left out, what the session runs on connecting taken off its start. */
    private List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String sql : script.replaceAll("(?m)^-- .*\n", "").split(";\n\n")) {
            if (!sql.isBlank()) out.add(normalized(sql.strip()));
        }
        assertEquals(sessionSetUp(), out.subList(0, sessionSetUp().size()), script);
        return out.subList(sessionSetUp().size(), out.size());
    }

    /**
     * The statements sent live, without what only a live run does: asking whether the tool's tables
     * exist (the script creates them IF NOT EXISTS), committing all but the run's last transaction
     * without waiting for the WAL flush, noting when a step starts in the run's one transaction, and
     * checking a version change's row count on the server.
     */
    private static List<String> live(List<String> sent) {
        List<String> out = new ArrayList<>();
        for (String sql : sent) {
            if (sql.startsWith("tableExists ") || sql.equals("SET LOCAL synchronous_commit = off")
                    || sql.startsWith("SELECT set_config('migrate.step_started'")) {
                continue;
            }
            Matcher checked = CHECKED_CHANGE.matcher(sql);
            out.add(normalized(checked.matches() ? checked.group(1) : sql));
        }
        return out;
    }

    private static String normalized(String sql) {
        Matcher row = HISTORY_ROW.matcher(sql);
        return row.matches() ? row.group(1) + ", ...)" : sql;
    }

    /**
     * Without the creation of the tool's tables: past base, live asks whether they exist and the
     * script creates the history table IF NOT EXISTS, as it cannot ask.
     */
    private static List<String> withoutOwnTables(List<String> statements) {
        return statements.stream().filter(sql -> !sql.startsWith("CREATE TABLE IF NOT EXISTS alembic_version")
                && !sql.startsWith("CREATE TABLE IF NOT EXISTS " + HISTORY)).toList();
    }
}
