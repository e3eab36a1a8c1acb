package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;
import dev.migrate.support.SqliteTestDatabase;

/**
 * The schema model against SQLite itself: the same statements run on a real database and replayed
 * into the model must give the same {@code sqlite_master} texts, character for character.
 */
class SqliteSchemaModelTest {
    private final SqliteTestDatabase db = new SqliteTestDatabase();
    private final SqliteSchemaModel model = new SqliteSchemaModel();

    @AfterEach
    void close() {
        db.close();
    }

    private void run(String... statements) {
        for (String sql : statements) {
            db.execute(sql);
            model.apply(sql, "revision r1 (r1.sql:1)");
        }
    }

    private void assertSameAsSqlite() {
        assertEquals(SqliteMaster.of(db), SqliteMaster.sorted(model.objects()));
    }

    @Test
    void createsAndAddColumnsLikeSqlite() {
        run("CREATE TABLE IF NOT EXISTS  main.users (\n    id INTEGER NOT NULL,\n    email VARCHAR(255),\n"
                        + "    CONSTRAINT pk PRIMARY KEY (id),\n    UNIQUE (email)\n)",
                "create table b (x INTEGER REFERENCES users (id), email TEXT, y INT\n) -- trailing",
                "CREATE TABLE IF NOT EXISTS b (z INT)",
                "CREATE UNIQUE INDEX IF NOT EXISTS ix_users_email ON users (email) WHERE email IS NOT NULL",
                "CREATE INDEX \"ix b\" ON b (lower(email), y DESC)",
                "CREATE TRIGGER trg AFTER INSERT ON users BEGIN UPDATE b SET y = 1 WHERE x = NEW.id; END",
                "CREATE VIEW v AS\nSELECT id, email FROM users",
                "ALTER TABLE users ADD COLUMN name TEXT DEFAULT 'x' ",
                "ALTER TABLE b ADD name2 TEXT",
                "INSERT INTO users (id, email) VALUES (1, 'a@example.com')");
        assertSameAsSqlite();
        TableSchema users = model.require("USERS", "revision r2 (r2.yaml:3)");
        assertEquals("users", users.name());
        assertEquals(List.of("CREATE UNIQUE INDEX ix_users_email ON users (email) WHERE email IS NOT NULL"), users.indexes());
        assertEquals(List.of("CREATE TRIGGER trg AFTER INSERT ON users BEGIN UPDATE b SET y = 1 WHERE x = NEW.id; END"),
                users.triggers());
    }

    @Test
    void renamesTablesAndColumnsLikeSqlite() {
        run("CREATE TABLE users (\n    id INTEGER NOT NULL,\n    email VARCHAR(255),\n    CONSTRAINT pk PRIMARY KEY (id),\n"
                        + "    UNIQUE (email),\n    CHECK (length(email) > 3 AND users.email <> 'email')\n)",
                "CREATE TABLE b (x INTEGER REFERENCES users (id), email TEXT, y INT, FOREIGN KEY (y) REFERENCES users (id))",
                "CREATE TABLE s (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES s (id), email TEXT COLLATE NOCASE)",
                "CREATE UNIQUE INDEX ix_users_email ON users (email) WHERE email IS NOT NULL",
                "ALTER TABLE users RENAME COLUMN email TO mail",
                "ALTER TABLE users RENAME TO people",
                "ALTER TABLE people RENAME COLUMN id TO \"Id x\"",
                "ALTER TABLE \"people\" RENAME TO \"My People\"",
                "ALTER TABLE s RENAME COLUMN id TO key",
                "ALTER TABLE s RENAME COLUMN email TO \"order\"",
                "ALTER TABLE b RENAME COLUMN email TO mail");
        assertSameAsSqlite();
    }

    @Test
    void dropsColumnsAndObjectsLikeSqlite() {
        run("CREATE TABLE t2 (a INT, b INT, CONSTRAINT fk CHECK (a > 0))",
                "ALTER TABLE t2 ADD COLUMN c INT   ",
                "ALTER TABLE t2 DROP COLUMN b",
                "CREATE TABLE t3 (a INT, b INT\n, c TEXT)",
                "ALTER TABLE t3 DROP COLUMN c",
                "ALTER TABLE t3 DROP a",
                "CREATE TABLE gone (a INT)",
                "CREATE INDEX ix_gone ON gone (a)",
                "CREATE TRIGGER trg_gone AFTER DELETE ON gone BEGIN SELECT 1; END",
                "CREATE VIEW vv AS SELECT 1 AS one",
                "CREATE INDEX ix_t3 ON t3 (b)",
                "DROP INDEX ix_t3",
                "DROP VIEW IF EXISTS vv",
                "DROP TABLE gone",
                "DROP TABLE IF EXISTS never");
        assertSameAsSqlite();
        assertEquals(List.of("table", "table"), model.objects().stream().map(SchemaObject::type).toList());
    }

    @Test
    void aTableNoRevisionCreatesIsNamed() {
        MigrateException e = assertThrows(MigrateException.class, () -> model.require("devices", "revision r2 (r2.yaml:3)"));
        assertEquals("revision r2 (r2.yaml:3) needs the definition of table devices to rebuild it on sqlite, but no earlier"
                + " revision creates it; run it online (without --sql), where the definition is read from the database",
                e.getMessage());
    }

    @Test
    void sqlItCannotFollowMakesTheTableUnknownNamingTheRevision() {
        model.apply("CREATE TABLE devices (id INTEGER)", "revision r1 (r1.sql:4)");
        model.apply("CREATE TABLE other (id INTEGER)", "revision r1 (r1.sql:5)");
        model.apply("ALTER TABLE devices ADD CONSTRAINT c CHECK (id > 0)", "revision r2 (r2.sql:7)");
        assertTrue(model.knows("table", "other"));
        assertFalse(model.knows("table", "devices"));
        MigrateException e = assertThrows(MigrateException.class, () -> model.require("devices", "revision r3 (r3.yaml:9)"));
        assertEquals("revision r3 (r3.yaml:9) needs the definition of table devices to rebuild it on sqlite, but revision r2"
                + " (r2.sql:7) changes the schema with SQL that migrate cannot follow without a database (it runs ALTER"
                + " TABLE devices ADD CONSTRAINT c CHECK (id > 0)); run it online (without --sql), where the definition is"
                + " read from the database, or write that change as operations", e.getMessage());
        model.apply("DROP TABLE devices", "revision r4 (r4.sql:2)");
        model.apply("CREATE TABLE devices (id INTEGER, name TEXT)", "revision r4 (r4.sql:3)");
        assertEquals("CREATE TABLE devices (id INTEGER, name TEXT)", model.require("devices", "r5").sql());
    }

    @Test
    void unknownDdlMakesEverythingUnknownUntilATableIsCreatedAfresh() {
        model.apply("CREATE TABLE devices (id INTEGER)", "revision r1 (r1.sql:4)");
        model.apply("CREATE VIRTUAL TABLE docs USING fts5(body)", "revision r2 (r2.sql:2)");
        assertFalse(model.knows("table", "docs"));
        assertTrue(model.knows("table", "devices"));
        model.apply("CREATE FUNCTION nothing()", "revision r3 (r3.sql:2)");
        assertFalse(model.knows("table", "devices"));
        MigrateException missing = assertThrows(MigrateException.class, () -> model.require("elsewhere", "r9"));
        assertTrue(missing.getMessage().contains("revision r3 (r3.sql:2) changes the schema"), missing.getMessage());
        model.apply("CREATE TABLE fresh (id INTEGER)", "revision r4 (r4.sql:2)");
        assertTrue(model.knows("table", "fresh"));
        model.apply("CREATE TABLE IF NOT EXISTS maybe (id INTEGER)", "revision r4 (r4.sql:3)");
        assertFalse(model.knows("table", "maybe"), "it may have existed before, with another definition");
    }

    @Test
    void tablesFromQueriesAndRenamesInsideTriggersAreUnknown() {
        run("CREATE TABLE a (id INTEGER, v TEXT)",
                "CREATE TABLE copy AS SELECT * FROM a",
                "CREATE TABLE log (v TEXT)",
                "CREATE TRIGGER keep AFTER INSERT ON a BEGIN INSERT INTO log (v) VALUES (NEW.v); END");
        assertFalse(model.knows("table", "copy"));
        assertTrue(model.knows("trigger", "keep"));
        run("ALTER TABLE a RENAME COLUMN v TO w");
        assertFalse(model.knows("trigger", "keep"));
        assertTrue(model.knows("table", "a"));
        MigrateException e = assertThrows(MigrateException.class, () -> model.require("a", "revision r2 (r2.yaml:1)"));
        assertTrue(e.getMessage().contains("SQLite rewrites the renamed column a.v inside trigger keep"), e.getMessage());
        assertEquals("CREATE TABLE a (id INTEGER, w TEXT)", model.objects().get(0).sql());
    }

    @Test
    void dataStatementsAndTemporaryObjectsChangeNothing() {
        run("CREATE TABLE a (id INTEGER)",
                "INSERT INTO a VALUES (1)", "UPDATE a SET id = 2", "DELETE FROM a", "SELECT 1",
                "WITH x AS (SELECT 1) SELECT * FROM x", "PRAGMA foreign_keys = ON", "ANALYZE",
                "CREATE TEMP TABLE scratch (id INTEGER)", "CREATE TEMPORARY VIEW tv AS SELECT 1");
        assertSameAsSqlite();
        assertTrue(model.knows("table", "a"));
    }
}
