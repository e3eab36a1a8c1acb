package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.migrate.engine.Database;
import dev.migrate.errors.MigrationFailed;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.StatementFailed;
import dev.migrate.engine.VersionTable;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.support.CliTest;
import dev.migrate.support.CountingDatabase;
import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Outcomes;
import dev.migrate.support.Project;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * Table rebuilds on a real SQLite file, run through the command line: rows of the table and of
 * the table that references it survive, and so do its indexes, defaults, checks, triggers, views
 * and foreign keys in and out, as sqlite_master and the PRAGMAs report them.
 */
@CliTest
class SqliteRebuildTest extends EngineTestBase {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    private void schemaWithRows() {
        schemaWithRows(project);
    }

    private static void schemaWithRows(Project project) {
        project.file("a1_schema.yaml", """
                revision: a1
                down_revision: null
                message: schema
                upgrade:
                  - create_table:
                      table: teams
                      columns: [{name: id, type: integer, primary_key: true}, {name: name, type: string(20)}]
                  - create_table:
                      table: users
                      columns:
                        - {name: id, type: identity, primary_key: true}
                        - {name: email, type: string(50), nullable: false, unique: true}
                        - {name: team_id, type: integer, references: teams.id, on_delete: set null}
                        - {name: score, type: integer, nullable: false, server_default: 10}
                        - {name: tier, type: enum(tier), values: [free, pro], nullable: false, server_default: free}
                      checks: [{name: ck_score, expression: score >= 0}]
                  - create_index: {name: ix_users_team, table: users, columns: [team_id], where: team_id IS NOT NULL}
                  - create_table:
                      table: orders
                      columns:
                        - {name: id, type: integer, primary_key: true}
                        - {name: user_id, type: integer, nullable: false, references: users.id, on_delete: cascade}
                  - create_view: {name: user_teams, query: "SELECT u.email, t.name FROM users u JOIN teams t ON t.id = u.team_id"}
                  - execute: >-
                      CREATE TRIGGER tr_users_audit AFTER UPDATE OF score ON users
                      BEGIN UPDATE teams SET name = name || '*' WHERE id = NEW.team_id; END
                  - bulk_insert: {table: teams, rows: [{id: 1, name: red}, {id: 2, name: blue}]}
                  - bulk_insert:
                      table: users
                      rows:
                        - {id: 1, email: ada@example.com, team_id: 1, score: 5}
                        - {id: 2, email: bob@example.com, team_id: 2, tier: pro}
                        - {id: 3, email: cyd@example.com}
                  - bulk_insert: {table: orders, rows: [{id: 100, user_id: 1}, {id: 101, user_id: 2}, {id: 102, user_id: 2}]}
                  - execute: DELETE FROM users WHERE id = 3
                downgrade:
                  - drop_view: {name: user_teams}
                  - drop_table: {table: orders}
                  - drop_table: {table: users}
                  - drop_table: {table: teams}
                """);
    }

    /** Everything SQLite says about the schema, but the text of the users table, and every row. */
    private Map<String, Object> snapshot() {
        return snapshot(db);
    }

    private static Map<String, Object> snapshot(TestDatabase db) {
        Map<String, Object> out = new TreeMap<>();
        for (List<String> o : db.query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT IN"
                + " ('alembic_version', 'migrate_history', 'sqlite_autoindex_alembic_version_1', 'sqlite_autoindex_migrate_history_1')")) {
            String name = o.get(1);
            out.put("master " + name, o.get(0).equals("table") && name.equals("users") ? "(users)" : o);
            if (!o.get(0).equals("table")) continue;
            out.put("table_xinfo " + name, db.query("PRAGMA table_xinfo(\"" + name + "\")"));
            out.put("foreign_key_list " + name, db.query("PRAGMA foreign_key_list(\"" + name + "\")"));
            List<List<String>> indexes = db.query("PRAGMA index_list(\"" + name + "\")");
            out.put("index_list " + name, indexes.stream().map(r -> r.subList(1, r.size())).sorted(Comparator.comparing(Object::toString)).toList());
            for (List<String> index : indexes) out.put("index_xinfo " + index.get(1), db.query("PRAGMA index_xinfo(\"" + index.get(1) + "\")"));
            if (!name.startsWith("sqlite_")) out.put("rows " + name, db.query("SELECT * FROM \"" + name + "\" ORDER BY 1"));
        }
        return out;
    }

    private List<String> usersDefinition() {
        return usersDefinition(db);
    }

    private static List<String> usersDefinition(TestDatabase db) {
        TableDef users = TableDef.parse(db.query("SELECT sql FROM sqlite_master WHERE name = 'users'").get(0).get(0));
        List<String> out = new ArrayList<>();
        for (ColumnDef c : users.columns()) out.add(c.sql());
        for (TableConstraintDef c : users.constraints()) out.add(c.sql());
        return out;
    }

    @Test
    void everythingButTheChangeSurvivesARebuildAndItsInverse(QuarkusMainLauncher launcher) {
        schemaWithRows();
        project.file("b2_change.yaml", """
                revision: b2
                down_revision: a1
                message: change
                upgrade:
                  - alter_column: {table: users, column: email, type: text, existing_type: string(50)}
                """);
        ok(project.run(launcher, "upgrade", "a1"));
        Map<String, Object> before = snapshot();
        List<String> definition = usersDefinition();

        ok(project.run(launcher, "upgrade", "head"));
        Map<String, Object> after = snapshot();
        assertEquals("email TEXT NOT NULL UNIQUE", usersDefinition().get(1));
        assertNotEquals(before.get("table_xinfo users"), after.get("table_xinfo users"));
        before.remove("table_xinfo users");
        after.remove("table_xinfo users");
        assertEquals(before, after);

        ok(project.run(launcher, "downgrade", "a1"));
        Map<String, Object> back = snapshot();
        back.remove("table_xinfo users");
        assertEquals(before, back);
        assertEquals(definition, usersDefinition());
    }

    @Test
    void theRebuiltTableStillEnforcesEverythingItDeclares(QuarkusMainLauncher launcher) {
        schemaWithRows();
        project.file("b2_change.yaml", """
                revision: b2
                down_revision: a1
                message: change
                upgrade:
                  - alter_column: {table: users, column: score, server_default: 20, existing_server_default: 10}
                  - create_check_constraint: {table: users, name: ck_email, expression: "email LIKE '%@%'"}
                """);
        ok(project.run(launcher, "upgrade", "head"));
        db.execute("INSERT INTO users (email, team_id) VALUES ('dee@example.com', 2)");
        assertEquals(List.of(List.of("4", "20", "free")), db.query("SELECT id, score, tier FROM users WHERE email = 'dee@example.com'"),
                "the AUTOINCREMENT counter kept 3, which the deleted row used");
        assertFails("INSERT INTO users (email, score) VALUES ('x@y', -1)", "CHECK constraint failed: ck_score");
        assertFails("INSERT INTO users (email) VALUES ('nobody')", "CHECK constraint failed: ck_email");
        assertFails("INSERT INTO users (email, tier) VALUES ('x@y', 'gold')", "CHECK constraint failed: tier");
        assertFails("INSERT INTO users (email) VALUES ('ada@example.com')", "UNIQUE constraint failed: users.email");
        assertFails("INSERT INTO users (email, team_id) VALUES ('x@y', 9)", "FOREIGN KEY constraint failed");
        assertFails("INSERT INTO orders (id, user_id) VALUES (200, 99)", "FOREIGN KEY constraint failed");
        db.execute("UPDATE users SET score = 6 WHERE id = 1");
        assertEquals(List.of(List.of("red*")), db.query("SELECT name FROM teams WHERE id = 1"), "the trigger fires");
        assertEquals(List.of(List.of("ada@example.com", "red*")), db.query("SELECT * FROM user_teams WHERE email LIKE 'ada%'"));
        db.execute("DELETE FROM teams WHERE id = 2");
        assertEquals(List.of(Arrays.asList("2", null)), db.query("SELECT id, team_id FROM users WHERE id = 2"), "ON DELETE SET NULL");
        db.execute("DELETE FROM users WHERE id = 2");
        assertEquals(List.of(List.of("100")), db.query("SELECT id FROM orders"), "ON DELETE CASCADE from the rebuilt table");
    }

    private void assertFails(String sql, String message) {
        StatementFailed e = assertThrows(StatementFailed.class, () -> db.execute(sql));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void rowsLeftReferencingNothingFailTheRevisionWhichRollsBack(QuarkusMainLauncher launcher) {
        schemaWithRows();
        var file = project.file("b2_fk.yaml", """
                revision: b2
                down_revision: a1
                message: link orders
                upgrade:
                  - add_column: {table: orders, column: {name: team_id, type: integer, nullable: false, server_default: 7}}
                  - create_foreign_key: {table: orders, name: fk_orders_team, columns: [team_id], ref_table: teams, ref_columns: [id]}
                """);
        ok(project.run(launcher, "upgrade", "a1"));
        String ordersBefore = db.query("SELECT sql FROM sqlite_master WHERE name = 'orders'").get(0).get(0);
        LaunchResult r = project.run(launcher, "upgrade", "head");
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        String err = r.getErrorOutput();
        assertTrue(err.contains("revision b2 (link orders) failed at " + file + ":6"), err);
        assertTrue(err.contains("PRAGMA foreign_key_check found rows whose foreign key matches no row: 3 row(s) of table orders"
                + " referencing teams (rowid 100, 101, 102)"), err);
        assertTrue(err.contains("the revision was rolled back"), err);
        assertFalse(err.contains("Exception"), err);
        assertEquals(ordersBefore, db.query("SELECT sql FROM sqlite_master WHERE name = 'orders'").get(0).get(0));
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
    }

    @Test
    void theRunnerSwitchesForeignKeysOffAroundTheRevisionAndBackOnAfterEvenWhenItFails() {
        schemaWithRows();
        project.file("b2_ok.yaml", """
                revision: b2
                down_revision: a1
                message: ok
                upgrade:
                  - drop_constraint: {table: users, name: ck_score}
                downgrade:
                  - create_check_constraint: {table: users, name: ck_score, expression: score >= 0}
                """);
        project.file("c3_bad.yaml", """
                revision: c3
                down_revision: b2
                message: bad
                upgrade:
                  - create_check_constraint: {table: users, name: ck_low, expression: score < 0}
                """);
        ScriptDirectory scripts = ScriptDirectory.load(List.of(project.versions()));
        RevisionMap graph = new RevisionMap(scripts.revisions());
        Database session = db.open();
        try {
            for (boolean perMigration : new boolean[] {true, false}) {
                Migrator migrator = new Migrator(session, SqliteDialect.INSTANCE, new VersionTable(null, "alembic_version", SqliteDialect.INSTANCE),
                        perMigration, scripts::byId, line -> { });
                migrator.run(graph.upgrade(List.of(), "b2")).await().indefinitely();
                assertEquals(List.of(List.of("1")), session.query("PRAGMA foreign_keys").await().indefinitely());
                MigrationFailed e = assertThrows(MigrationFailed.class,
                        () -> migrator.run(graph.upgrade(List.of("b2"), "c3")).await().indefinitely());
                assertTrue(e.getMessage().contains("CHECK constraint failed: ck_low"), e.getMessage());
                assertEquals(List.of(List.of("1")), session.query("PRAGMA foreign_keys").await().indefinitely());
                migrator.run(graph.downgrade(List.of("b2"), "base")).await().indefinitely();
            }
        } finally {
            session.close().await().indefinitely();
        }
    }

    private static final String ALTER_SCORE = "  - alter_column: {table: users, column: score, server_default: 20, existing_server_default: 10}\n";
    private static final String ALTER_EMAIL = "  - alter_column: {table: users, column: email, type: text, existing_type: string(50)}\n";
    private static final String CHECK_EMAIL = "  - create_check_constraint: {table: users, name: ck_email, expression: \"email LIKE '%@%'\"}\n";

    private static String revision(String id, String down, String upgrade) {
        return "revision: " + id + "\ndown_revision: " + down + "\nmessage: change\nupgrade:\n" + upgrade;
    }

    /**
     * Three consecutive changes to one table in one revision copy its rows once, online and in
     * offline SQL, and leave the database as three revisions of one change each do.
     */
    @Test
    void consecutiveChangesToOneTableShareOneRebuild(QuarkusMainLauncher launcher) {
        schemaWithRows();
        project.file("b2_change.yaml", revision("b2", "a1", ALTER_SCORE + ALTER_EMAIL + CHECK_EMAIL));
        ScriptDirectory scripts = ScriptDirectory.load(List.of(project.versions()));
        RevisionMap graph = new RevisionMap(scripts.revisions());
        CountingDatabase session = new CountingDatabase(db.open());
        try {
            Migrator migrator = new Migrator(session, SqliteDialect.INSTANCE, new VersionTable(null, "alembic_version",
                    SqliteDialect.INSTANCE), true, scripts::byId, line -> { });
            migrator.run(graph.upgrade(List.of(), "a1")).await().indefinitely();
            int before = session.sent().size();
            migrator.run(graph.upgrade(List.of("a1"), "b2")).await().indefinitely();
            List<String> sent = session.sent().subList(before, session.sent().size());
            assertEquals(1, sent.stream().filter(q -> q.startsWith("INSERT INTO _migrate_new_users ")).count(), String.join("\n", sent));
            assertEquals(1, sent.stream().filter(q -> q.equals("SAVEPOINT migrate_rebuild")).count(), String.join("\n", sent));
        } finally {
            session.close().await().indefinitely();
        }
        String offline = Outcomes.ok(project.run(launcher, "upgrade", "--sql", "a1:b2"));
        assertEquals(1, offline.split("INSERT INTO _migrate_new_users ", -1).length - 1, offline);

        try (SqliteTestDatabase separate = new SqliteTestDatabase()) {
            Project each = new Project(tmp.resolve("each"), separate.url());
            schemaWithRows(each);
            each.file("b2_score.yaml", revision("b2", "a1", ALTER_SCORE));
            each.file("c3_email.yaml", revision("c3", "b2", ALTER_EMAIL));
            each.file("d4_check.yaml", revision("d4", "c3", CHECK_EMAIL));
            ok(each.run(launcher, "upgrade", "head"));
            assertEquals(usersDefinition(separate), usersDefinition());
            assertEquals(snapshot(separate), snapshot());
        }
    }

    @Test
    void aRevisionOutsideATransactionAndARunInOneTransactionRebuildToo(QuarkusMainLauncher launcher) {
        project = new Project(tmp, db.url(), "transaction_per_migration: false\n");
        schemaWithRows();
        project.file("b2_alone.yaml", """
                revision: b2
                down_revision: a1
                message: alone
                transactional: false
                upgrade:
                  - alter_column: {table: users, column: team_id, nullable: false, server_default: 1}
                downgrade: []
                """);
        ok(project.run(launcher, "upgrade", "head"));
        assertEquals("team_id INTEGER DEFAULT 1 NOT NULL REFERENCES teams (id) ON DELETE SET NULL", usersDefinition().get(2));
        assertEquals(List.of(List.of("1"), List.of("2")), db.query("SELECT id FROM users ORDER BY id"));
        assertEquals(3, db.query("SELECT * FROM orders").size());
    }
}
