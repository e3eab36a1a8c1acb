package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.Operation;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Statement;
import dev.migrate.yaml.YamlReader;
import io.smallrye.mutiny.Uni;

/**
 * The exact SQL of SQLite table rebuilds for given table definitions, computed from a catalog
 * given here rather than read from a database.
 */
class SqliteRebuildSqlTest {
    private static final String USERS = """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email VARCHAR(50) NOT NULL COLLATE NOCASE, -- the login
                team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL,
                tier VARCHAR(4) DEFAULT 'free' NOT NULL CONSTRAINT tier CHECK (tier IN ('free', 'pro')),
                total INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL,
                CONSTRAINT ck_email CHECK (length(email) > 3)
            ) STRICT""";

    private static final List<List<String>> MASTER = List.of(
            row("table", "teams", "teams", "CREATE TABLE teams (id INTEGER PRIMARY KEY)"),
            row("table", "users", "users", USERS),
            row("table", "sqlite_sequence", "sqlite_sequence", "CREATE TABLE sqlite_sequence(name,seq)"),
            row("index", "ix_users_email", "users", "CREATE UNIQUE INDEX ix_users_email ON users (email)"),
            row("trigger", "tr_users", "users", "CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END"),
            row("table", "orders", "orders", "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id))"),
            row("view", "user_emails", "user_emails", "CREATE VIEW user_emails AS SELECT email FROM users"),
            row("view", "short_emails", "short_emails", "CREATE VIEW short_emails AS SELECT email FROM user_emails WHERE length(email) < 9"),
            row("trigger", "tr_orders", "orders", "CREATE TRIGGER tr_orders AFTER DELETE ON orders BEGIN DELETE FROM users WHERE id = OLD.user_id; END"),
            row("view", "team_names", "team_names", "CREATE VIEW team_names AS SELECT id FROM teams"));

    /** Everything that follows the new table when users is rebuilt: its own objects, then those that name it. */
    private static final List<String> RECREATED = List.of(
            "DROP TABLE users",
            "ALTER TABLE _migrate_new_users RENAME TO users",
            "CREATE UNIQUE INDEX ix_users_email ON users (email)",
            "CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END",
            "CREATE VIEW user_emails AS SELECT email FROM users",
            "CREATE VIEW short_emails AS SELECT email FROM user_emails WHERE length(email) < 9",
            "CREATE TRIGGER tr_orders AFTER DELETE ON orders BEGIN DELETE FROM users WHERE id = OLD.user_id; END",
            "RELEASE migrate_rebuild");

    private static final List<String> DROPPED = List.of(
            "SAVEPOINT migrate_rebuild",
            "DROP TRIGGER tr_orders",
            "DROP VIEW short_emails",
            "DROP VIEW user_emails");

    private static List<String> row(String... values) {
        return List.of(values);
    }

    private static List<Operation> parse(String yaml) {
        return OperationParser.parse(YamlReader.read(yaml, "v1.yaml"));
    }

    /** The statements of {@code yaml} with the computed ones written from {@code answers} (query to rows). */
    private static List<String> sql(String yaml, Map<String, List<List<String>>> answers) {
        Map<String, List<List<String>>> all = new HashMap<>();
        all.put("PRAGMA foreign_keys", List.of(row("0")));
        all.put(SqliteSchema.query(null), MASTER);
        all.put("PRAGMA foreign_key_check", List.of());
        all.putAll(answers);
        List<String> out = new ArrayList<>();
        for (Operation op : parse(yaml)) {
            for (Statement st : SqliteDialect.INSTANCE.render(op)) {
                if (!st.isComputed() || st.phase() != Statement.Phase.IN_TRANSACTION) out.add(st.sql());
                if (!st.isComputed()) continue;
                out.addAll(st.computed().sql(q -> {
                    if (!all.containsKey(q)) throw new AssertionError("unexpected query: " + q);
                    return Uni.createFrom().item(all.get(q));
                }).await().indefinitely());
            }
        }
        return out;
    }

    private static List<String> sql(String yaml) {
        return sql(yaml, Map.of());
    }

    private static List<String> around(List<String> rebuild) {
        List<String> out = new ArrayList<>();
        out.add("PRAGMA foreign_keys = OFF");
        out.addAll(rebuild);
        out.add("PRAGMA foreign_key_check");
        out.add("PRAGMA foreign_keys = ON");
        return out;
    }

    private static List<String> rebuild(String create, String insert) {
        List<String> out = new ArrayList<>(DROPPED);
        out.add(create);
        out.add("INSERT INTO sqlite_sequence (name, seq) SELECT '_migrate_new_users', seq FROM sqlite_sequence"
                + " WHERE name = 'users'");
        out.add(insert);
        out.addAll(RECREATED);
        return around(out);
    }

    private static String failure(String yaml, Map<String, List<List<String>>> answers) {
        return assertThrows(CheckFailed.class, () -> sql(yaml, answers)).getMessage();
    }

    /**
     * Rendered as a revision, consecutive rebuilds of one table are one computed statement; an
     * alter_column with using starts its own, another table ends the group, and a refusal in a
     * joined rebuild names the operation and its line.
     */
    @Test
    void consecutiveRebuildsOfOneTableAreJoinedIntoOne() {
        List<Operation> ops = parse("""
                - alter_column: {table: users, column: email, nullable: true}
                - create_check_constraint: {table: users, name: ck_two, expression: "id > 0"}
                - alter_column: {table: users, column: email, type: text, using: trim(email)}
                - create_check_constraint: {table: teams, name: ck_t, expression: "id > 0"}
                - drop_constraint: {table: teams, name: nope}
                """);
        List<Statement> body = SqliteDialect.INSTANCE.render(ops).stream()
                .filter(st -> st.phase() == Statement.Phase.IN_TRANSACTION).toList();
        assertEquals(3, body.size(), body.toString());
        assertTrue(body.get(0).sql().startsWith("-- rebuild of table users for alter_column (line 1), create_check_constraint (line 2):"),
                body.get(0).sql());
        assertTrue(body.get(1).sql().startsWith("-- rebuild of table users for alter_column:"), body.get(1).sql());
        Map<String, List<List<String>>> answers = Map.of("PRAGMA foreign_keys", List.of(row("0")), SqliteSchema.query(null), MASTER);
        List<String> joined = body.get(0).computed().sql(q -> Uni.createFrom().item(answers.get(q))).await().indefinitely();
        assertEquals(1, joined.stream().filter(q -> q.startsWith("INSERT INTO _migrate_new_users ")).count(), joined.toString());
        assertTrue(joined.stream().anyMatch(q -> q.contains("CONSTRAINT ck_two CHECK (id > 0)")), joined.toString());
        CheckFailed e = assertThrows(CheckFailed.class,
                () -> body.get(2).computed().sql(q -> Uni.createFrom().item(answers.get(q))).await().indefinitely());
        assertTrue(e.getMessage().startsWith("drop_constraint (line 5): table teams has no constraint named nope"), e.getMessage());
    }

    @Test
    void alterColumnRebuildsTheTableKeepingEveryOtherDefinitionAsWritten() {
        List<String> expected = new ArrayList<>(rebuild("""
                CREATE TABLE _migrate_new_users (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    email TEXT DEFAULT 'x' COLLATE NOCASE,
                    team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL,
                    tier VARCHAR(4) DEFAULT 'free' NOT NULL CONSTRAINT tier CHECK (tier IN ('free', 'pro')),
                    total INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL,
                    CONSTRAINT ck_email CHECK (length(email) > 3)
                ) STRICT""", "INSERT INTO _migrate_new_users (id, email, team_id, tier) SELECT id, trim(email), team_id, tier"
                + " FROM users"));
        expected.add("ALTER TABLE users RENAME COLUMN email TO login");
        assertEquals(expected, sql("""
                - alter_column: {table: users, column: email, type: text, using: trim(email), nullable: true,
                                 server_default: x, new_name: login}
                """));
    }

    /** The new table's CREATE TABLE in the rebuild of {@code yaml}. */
    private static String created(String yaml) {
        for (String st : sql(yaml)) if (st.startsWith("CREATE TABLE")) return st;
        throw new AssertionError("no CREATE TABLE in " + sql(yaml));
    }

    private static String users(String... lines) {
        return "CREATE TABLE _migrate_new_users (\n    " + String.join(",\n    ", lines) + "\n) STRICT";
    }

    private static final String ID = "id INTEGER PRIMARY KEY AUTOINCREMENT";
    private static final String EMAIL = "email VARCHAR(50) NOT NULL COLLATE NOCASE";
    private static final String TEAM = "team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL";
    private static final String TIER = "tier VARCHAR(4) DEFAULT 'free' NOT NULL CONSTRAINT tier CHECK (tier IN ('free', 'pro'))";
    private static final String TOTAL = "total INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL";
    private static final String CK = "CONSTRAINT ck_email CHECK (length(email) > 3)";

    @Test
    void nullabilityAndDefaultsGoWhereAFreshColumnHasThem() {
        assertEquals(users(ID, "email VARCHAR(50) COLLATE NOCASE", TEAM, TIER, TOTAL, CK),
                created("- alter_column: {table: users, column: email, nullable: true}"));
        assertEquals(users(ID, EMAIL, "team_id INTEGER DEFAULT 0 NOT NULL REFERENCES teams (id) ON DELETE SET NULL", TIER,
                TOTAL, CK), created("- alter_column: {table: users, column: team_id, nullable: false, server_default: 0}"));
        assertEquals(users(ID, EMAIL, TEAM, "tier VARCHAR(4) NOT NULL CONSTRAINT tier CHECK (tier IN ('free', 'pro'))", TOTAL,
                CK), created("- alter_column: {table: users, column: tier, server_default: null}"));
        assertEquals(users(ID, EMAIL, TEAM, "tier VARCHAR(4) DEFAULT CURRENT_TIMESTAMP NOT NULL CONSTRAINT tier CHECK (tier IN"
                + " ('free', 'pro'))", TOTAL, CK), created("- alter_column: {table: users, column: tier, server_default: now()}"));
    }

    @Test
    void aTypeChangeReplacesTheEnumCheck() {
        assertEquals(users(ID, EMAIL, TEAM, "tier TEXT DEFAULT 'free' NOT NULL", TOTAL, CK),
                created("- alter_column: {table: users, column: tier, type: text}"));
        assertEquals(users(ID, EMAIL, TEAM, "tier VARCHAR(10) DEFAULT 'free' NOT NULL CONSTRAINT tiers CHECK (tier IN ('free',"
                + " 'enterprise'))", TOTAL, CK),
                created("- alter_column: {table: users, column: tier, type: enum(tiers), values: [free, enterprise]}"));
        assertEquals(users(ID, EMAIL, "team_id VARCHAR(1) REFERENCES teams (id) ON DELETE SET NULL CONSTRAINT size CHECK"
                + " (team_id IN ('s', 'm'))", TIER, TOTAL, CK),
                created("- alter_column: {table: users, column: team_id, type: enum(app.size), values: [s, m]}"));
    }

    @Test
    void aColumnThatIsNotThereFailsNamingTableAndColumn() {
        assertEquals("table users has no column mail", failure("- alter_column: {table: users, column: mail, nullable: true}",
                Map.of()));
        assertEquals("table people does not exist", failure("- alter_column: {table: people, column: a, nullable: true}",
                Map.of()));
    }

    @Test
    void aRebuildRefusesToRunWhileForeignKeysAreEnforced() {
        assertEquals("a table rebuild cannot run while SQLite enforces foreign keys, and PRAGMA foreign_keys = OFF has no"
                + " effect inside an open transaction; nothing was changed",
                failure("- alter_column: {table: users, column: email, nullable: true}",
                        Map.of("PRAGMA foreign_keys", List.of(row("1")))));
    }

    @Test
    void theForeignKeyCheckNamesTheTablesAndRows() {
        List<List<String>> dangling = List.of(row("orders", "3", "users", "0"), row("orders", "4", "users", "0"),
                row("memberships", "9", "teams", "1"));
        assertEquals("PRAGMA foreign_key_check found rows whose foreign key matches no row: 2 row(s) of table orders"
                + " referencing users (rowid 3, 4); 1 row(s) of table memberships referencing teams (rowid 9). This revision"
                + " rebuilds a table, so it runs with foreign keys off (SQLite cannot switch them inside a transaction) and"
                + " checks them before it commits; fix or delete those rows first",
                failure("- alter_column: {table: users, column: email, nullable: true}",
                        Map.of("PRAGMA foreign_key_check", dangling)));
    }

    @Test
    void addColumnRunsInPlaceWhereAlterTableCanAndRebuildsWhereItCannot() {
        assertEquals(List.of("ALTER TABLE users ADD COLUMN nick TEXT DEFAULT 'x' NOT NULL"),
                sql("- add_column: {table: users, column: {name: nick, type: text, nullable: false, server_default: x}}"));
        assertEquals(users(ID, EMAIL, TEAM, TIER, TOTAL, "created DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL", CK),
                created("- add_column: {table: users, column: {name: created, type: timestamp, nullable: false,"
                        + " server_default: now()}}"));
        assertEquals(users(ID, EMAIL, TEAM, TIER, TOTAL, "code VARCHAR(36) DEFAULT " + SqliteDialect.UUID_EXPRESSION
                + " UNIQUE", CK), created("- add_column: {table: users, column: {name: code, type: uuid, unique: true,"
                + " server_default: uuid()}}"));
        assertEquals(users(ID, EMAIL, TEAM, TIER, TOTAL, "n INTEGER NOT NULL", CK),
                created("- add_column: {table: users, column: {name: n, type: integer, nullable: false}}"));
        List<String> all = sql("- add_column: {table: users, column: {name: n, type: integer, nullable: false}}");
        assertEquals("INSERT INTO _migrate_new_users (id, email, team_id, tier) SELECT id, email, team_id, tier FROM users",
                all.get(7), "the new column takes its default in the rows copied");
        assertEquals("table users already has a column email", failure("- add_column: {table: users, column: {name: email,"
                + " type: text, unique: true}}", Map.of()));
    }

    @Test
    void dropColumnRunsInPlaceWhenNothingElseNamesTheColumn() {
        assertEquals(around(List.of("ALTER TABLE users DROP COLUMN tier")),
                sql("- drop_column: {table: users, column: tier}").stream().filter(s -> !s.startsWith("--")).toList());
    }

    @Test
    void dropColumnRebuildsWithoutTheConstraintsAndIndexesOnIt() {
        List<List<String>> master = new ArrayList<>(MASTER);
        master.add(row("index", "ix_users_team", "users", "CREATE INDEX ix_users_team ON users (tier, team_id)"));
        List<String> statements = sql("- drop_column: {table: users, column: team_id}", Map.of(SqliteSchema.query(null), master));
        assertEquals(users(ID, EMAIL, TIER, TOTAL, CK), statements.get(5));
        assertEquals("INSERT INTO _migrate_new_users (id, email, tier) SELECT id, email, tier FROM users", statements.get(7));
        assertEquals(List.of("DROP TABLE users", "ALTER TABLE _migrate_new_users RENAME TO users",
                "CREATE UNIQUE INDEX ix_users_email ON users (email)",
                "CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END"), statements.subList(8, 12));
    }

    @Test
    void aColumnAViewOrTriggerUsesIsNotDropped() {
        List<List<String>> master = new ArrayList<>(MASTER);
        master.add(row("view", "teams_of_users", "teams_of_users", "CREATE VIEW teams_of_users AS SELECT team_id FROM users"));
        assertEquals("cannot drop column team_id of table users: view teams_of_users uses it; drop or change the view first",
                failure("- drop_column: {table: users, column: team_id}", Map.of(SqliteSchema.query(null), master)));
    }

    @Test
    void constraintsAreAddedToAndRemovedFromTheDefinition() {
        assertEquals(users(ID, EMAIL, TEAM, TIER, TOTAL, CK, "CONSTRAINT uq_tier UNIQUE (tier, email)"),
                created("- create_unique_constraint: {table: users, name: uq_tier, columns: [tier, email]}"));
        assertEquals(users(ID, EMAIL, TEAM, TIER, TOTAL, CK, "CONSTRAINT fk_self FOREIGN KEY (team_id) REFERENCES users (id)"
                + " ON DELETE CASCADE"), created("- create_foreign_key: {table: users, name: fk_self, columns: [team_id],"
                + " ref_table: users, ref_columns: [id], on_delete: cascade}"));
        assertEquals(users(ID, EMAIL, TEAM, TIER, TOTAL, CK, "CONSTRAINT ck_tier CHECK (tier <> 'x')"),
                created("- create_check_constraint: {table: users, name: ck_tier, expression: tier <> 'x'}"));
        assertEquals(users(ID, EMAIL, TEAM, TIER, TOTAL), created("- drop_constraint: {table: users, name: ck_email}"));
        assertEquals(users(ID, EMAIL, TEAM, "tier VARCHAR(4) DEFAULT 'free' NOT NULL", TOTAL, CK),
                created("- drop_constraint: {table: users, name: tier, type: check}"));
        assertEquals(users("id INTEGER", EMAIL, TEAM, TIER, TOTAL, CK),
                created("- drop_constraint: {table: users, name: anything, type: primary_key}"));
    }

    @Test
    void unnamedConstraintsAnswerToTheNamesPostgresqlGivesThem() {
        assertEquals(users("id INTEGER", EMAIL, TEAM, TIER, TOTAL, CK), created("- drop_constraint: {table: users, name: users_pkey}"));
        assertEquals(users(ID, EMAIL, "team_id INTEGER", TIER, TOTAL, CK),
                created("- drop_constraint: {table: users, name: users_team_id_fkey, type: foreign_key}"));
    }

    @Test
    void constraintMistakesFailNamingTheTable() {
        assertEquals("table users has no check constraint named ck_nope (its named constraints: ck_email, tier)",
                failure("- drop_constraint: {table: users, name: ck_nope, type: check}", Map.of()));
        assertEquals("table users already has a primary key",
                failure("- create_primary_key: {table: users, name: pk, columns: [email]}", Map.of()));
        assertEquals("table users already has a constraint named ck_email",
                failure("- create_check_constraint: {table: users, name: ck_email, expression: 1}", Map.of()));
    }

    @Test
    void aTableInAnAttachedDatabaseIsRebuiltThere() {
        Map<String, List<List<String>>> answers = Map.of(SqliteSchema.query("aux"), List.of(
                row("table", "t", "t", "CREATE TABLE t (a INTEGER, b TEXT)"),
                row("index", "ix_t", "t", "CREATE INDEX ix_t ON t (a)"),
                row("view", "v", "v", "CREATE VIEW v AS SELECT a FROM t")),
                "PRAGMA aux.foreign_key_check", List.of());
        assertEquals(List.of("PRAGMA foreign_keys = OFF", "SAVEPOINT migrate_rebuild", "DROP VIEW aux.v",
                "CREATE TABLE aux._migrate_new_t (\n    a INTEGER NOT NULL,\n    b TEXT\n)",
                "INSERT INTO aux._migrate_new_t (a, b) SELECT a, b FROM aux.t", "DROP TABLE aux.t",
                "ALTER TABLE aux._migrate_new_t RENAME TO t", "CREATE INDEX aux.ix_t ON t (a)",
                "CREATE VIEW aux.v AS SELECT a FROM t", "RELEASE migrate_rebuild", "PRAGMA aux.foreign_key_check",
                "PRAGMA foreign_keys = ON"), sql("- alter_column: {table: aux.t, column: a, nullable: false}", answers));
    }
}
