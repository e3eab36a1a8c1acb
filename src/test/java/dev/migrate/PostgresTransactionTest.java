package dev.migrate;

import static dev.migrate.support.Outcomes.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.dialect.BookkeepingSql;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.LockHoldersSql;
import dev.migrate.engine.Database;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.VersionTable;
import dev.migrate.graph.RevisionMap;
import dev.migrate.ops.Operation;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.sql.OfflineCatalog;
import dev.migrate.sql.Statement;
import dev.migrate.support.CliTest;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class PostgresTransactionTest extends TransactionScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Override
    protected String statementThatRunsAlone() {
        return "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_accounts_id ON accounts (id)";
    }

    @Override
    protected String undoStatementThatRunsAlone() {
        return "DROP INDEX CONCURRENTLY IF EXISTS ix_accounts_id";
    }

    @Override
    protected List<String> sessionSetUp() {
        return List.of();
    }

    private void moodEnum() {
        project.file("a1_rev.yaml", "revision: a1\ndown_revision: null\nupgrade:\n"
                + "  - create_enum: {name: mood, values: [happy, sad]}\n"
                + "  - create_table: {table: people, columns: [{name: m, type: enum(mood)}]}\n");
    }

    @Test
    void anEnumValueUsedInTheTransactionThatAddedItIsExplained(QuarkusMainLauncher launcher) {
        moodEnum();
        project.file("b2_rev.yaml", "revision: b2\ndown_revision: a1\nupgrade:\n"
                + "  - add_enum_value: {name: mood, value: meh}\n"
                + "  - execute: \"INSERT INTO people (m) VALUES ('meh')\"\n"
                + "downgrade: []\n");
        String err = fails(project.run(launcher, "upgrade"), 1);
        assertTrue(err.contains("[55P04]"), err);
        assertTrue(err.contains("hint: PostgreSQL does not let a transaction use an enum value it added itself until it"
                + " commits: put the add_enum_value (ALTER TYPE ... ADD VALUE) in a revision of its own before the one that"
                + " uses the value, or mark its revision 'transactional: false'"), err);
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
    }

    @Test
    void onPostgres12AndLaterAnEnumValueIsAddedInsideTheTransaction(QuarkusMainLauncher launcher) {
        moodEnum();
        project.file("b2_rev.yaml", "revision: b2\ndown_revision: a1\nupgrade:\n"
                + "  - add_enum_value: {name: mood, value: meh}\n"
                + "downgrade: []\n");
        LaunchResult r = project.run(launcher, "upgrade");
        ok(r);
        assertFalse(r.getErrorOutput().contains("outside a transaction"), r.getErrorOutput());
        assertEquals(List.of(List.of("happy"), List.of("sad"), List.of("meh")),
                db.query("SELECT unnest(enum_range(NULL::mood))::text"));
    }

    /** A dialect that notes the thread each operation is rendered on. */
    private record ThreadNoting(Dialect dialect, List<String> threads) implements Dialect {
        @Override
        public String name() {
            return dialect.name();
        }

        @Override
        public List<Statement> render(Operation operation) {
            threads.add(Thread.currentThread().getName());
            return dialect.render(operation);
        }

        @Override
        public String quote(String identifier) {
            return dialect.quote(identifier);
        }

        @Override
        public String literal(Object value) {
            return dialect.literal(value);
        }

        @Override
        public boolean keepsEnumTypes() {
            return dialect.keepsEnumTypes();
        }

        @Override
        public boolean limitsLockWaits() {
            return dialect.limitsLockWaits();
        }

        @Override
        public LockHoldersSql lockHolders() {
            return dialect.lockHolders();
        }

        @Override
        public boolean runsAlone(Statement statement, int serverMajorVersion) {
            return dialect.runsAlone(statement, serverMajorVersion);
        }

        @Override
        public String asyncCommitSql() {
            return dialect.asyncCommitSql();
        }

        @Override
        public OfflineCatalog offlineCatalog() {
            return dialect.offlineCatalog();
        }

        @Override
        public BookkeepingSql bookkeeping() {
            return dialect.bookkeeping();
        }
    }

    @Test
    void revisionsAreRenderedOffTheEventLoop() {
        project.file("a1_rev.yaml", "revision: a1\ndown_revision: null\nupgrade:\n"
                + "  - create_table: {table: t, columns: [{name: id, type: integer}]}\n");
        ScriptDirectory scripts = ScriptDirectory.load(List.of(project.versions()));
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        Database session = db.open();
        try {
            Dialect dialect = new ThreadNoting(Flavors.dialect("postgresql"), threads);
            VersionTable versions = new VersionTable(null, "alembic_version", dialect);
            // Run from an event loop, as the command line does after its first query.
            versions.heads(session).flatMap(heads -> new Migrator(session, dialect, versions, true, scripts::byId, line -> { })
                    .run(new RevisionMap(scripts.revisions()).upgrade(heads, "head"))).await().indefinitely();
        } finally {
            session.close().await().indefinitely();
        }
        assertEquals(1, threads.size(), threads.toString());
        assertFalse(threads.get(0).contains("eventloop"), threads.toString());
    }
}
