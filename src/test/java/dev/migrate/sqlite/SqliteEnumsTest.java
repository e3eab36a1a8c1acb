package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.engine.StatementFailed;
import dev.migrate.ops.Operation;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Statement;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.StatementRunner;
import dev.migrate.yaml.YamlReader;
import io.smallrye.mutiny.Uni;

/**
 * Enum operations on SQLite, where an enum is a CHECK named after its type on every column that
 * uses it: exact SQL of the rebuilds, and runs on a real file with rows in the tables.
 */
class SqliteEnumsTest {
    private static final String PEOPLE = "CREATE TABLE people (\n    id INTEGER PRIMARY KEY,\n    mood VARCHAR(5) DEFAULT 'happy'"
            + " NOT NULL CONSTRAINT mood CHECK (mood IN ('happy', 'sad'))\n)";
    private static final String PETS = "CREATE TABLE pets (\n    id INTEGER PRIMARY KEY,\n    mood VARCHAR(5) CONSTRAINT mood CHECK"
            + " (mood IN ('happy', 'sad')),\n    kind VARCHAR(3) CONSTRAINT kind CHECK (kind IN ('cat', 'dog'))\n)";

    private static List<Statement> statements(String yaml) {
        List<Statement> out = new ArrayList<>();
        for (Operation op : OperationParser.parse(YamlReader.read(yaml, "v1.yaml"))) out.addAll(SqliteDialect.INSTANCE.render(op));
        return out;
    }

    /** The SQL the computed statement of {@code yaml} writes for the schema of PEOPLE and PETS. */
    private static List<String> rebuild(String yaml) {
        List<List<String>> master = List.of(List.of("table", "people", "people", PEOPLE), List.of("table", "pets", "pets", PETS));
        for (Statement st : statements(yaml)) {
            if (!st.isComputed() || st.phase() != Statement.Phase.IN_TRANSACTION) continue;
            return st.computed().sql(q -> Uni.createFrom().item(q.equals("PRAGMA foreign_keys") ? List.of(List.of("0"))
                    : q.startsWith("SELECT type") ? master : List.of(List.of("0", null)))).await().indefinitely();
        }
        throw new AssertionError("nothing computed");
    }

    @Test
    void creatingAndDroppingTheTypeHasNothingToDo() {
        assertEquals(List.of(), statements("- create_enum: {name: mood, values: [a]}\n- drop_enum: {name: mood, if_exists: true}"));
    }

    @Test
    void addingAValueRebuildsEveryTableWithAColumnOfTheType() {
        assertEquals(List.of("SAVEPOINT migrate_rebuild",
                "CREATE TABLE _migrate_new_people (\n    id INTEGER PRIMARY KEY,\n    mood VARCHAR(6) DEFAULT 'happy' NOT NULL"
                        + " CONSTRAINT mood CHECK (mood IN ('happy', 'grumpy', 'sad'))\n)",
                "INSERT INTO _migrate_new_people (id, mood) SELECT id, mood FROM people",
                "DROP TABLE people", "ALTER TABLE _migrate_new_people RENAME TO people", "RELEASE migrate_rebuild",
                "SAVEPOINT migrate_rebuild",
                "CREATE TABLE _migrate_new_pets (\n    id INTEGER PRIMARY KEY,\n    mood VARCHAR(6) CONSTRAINT mood CHECK (mood IN"
                        + " ('happy', 'grumpy', 'sad')),\n    kind VARCHAR(3) CONSTRAINT kind CHECK (kind IN ('cat', 'dog'))\n)",
                "INSERT INTO _migrate_new_pets (id, mood, kind) SELECT id, mood, kind FROM pets",
                "DROP TABLE pets", "ALTER TABLE _migrate_new_pets RENAME TO pets", "RELEASE migrate_rebuild"),
                rebuild("- add_enum_value: {name: mood, value: grumpy, after: happy}"));
        assertEquals(List.of(), rebuild("- add_enum_value: {name: mood, value: sad, if_not_exists: true}"));
        assertEquals(List.of(), rebuild("- add_enum_value: {name: colour, value: red}"), "no column uses it");
    }

    @Test
    void renamingAValueRenamesItInTheRowsAndTheDefault() {
        List<String> sql = rebuild("- rename_enum_value: {name: mood, value: happy, new_value: glad}");
        assertEquals("CREATE TABLE _migrate_new_people (\n    id INTEGER PRIMARY KEY,\n    mood VARCHAR(4) DEFAULT 'glad' NOT NULL"
                + " CONSTRAINT mood CHECK (mood IN ('glad', 'sad'))\n)", sql.get(1));
        assertEquals("INSERT INTO _migrate_new_people (id, mood) SELECT id, CASE mood WHEN 'happy' THEN 'glad' ELSE mood END"
                + " FROM people", sql.get(2));
    }

    @Test
    void mistakesFailNamingTheEnumValueAndColumn() {
        assertEquals("enum mood already has value 'sad' (column mood of table people); write if_not_exists: true to accept"
                + " that", assertThrows(CheckFailed.class, () -> rebuild("- add_enum_value: {name: mood, value: sad}")).getMessage());
        assertEquals("enum mood has no value 'meh' (column mood of table people)", assertThrows(CheckFailed.class,
                () -> rebuild("- add_enum_value: {name: mood, value: ok, before: meh}")).getMessage());
        assertEquals("enum mood has no value 'meh' (column mood of table people)", assertThrows(CheckFailed.class,
                () -> rebuild("- rename_enum_value: {name: mood, value: meh, new_value: ok}")).getMessage());
        assertEquals("enum mood already has value 'sad' (column mood of table people)", assertThrows(CheckFailed.class,
                () -> rebuild("- rename_enum_value: {name: mood, value: happy, new_value: sad}")).getMessage());
    }

    @Test
    void valuesChangeOnARealFileWithRowsInTwoTables() {
        try (SqliteTestDatabase db = new SqliteTestDatabase()) {
            StatementRunner.run(db, statements("""
                    - create_enum: {name: mood, values: [happy, sad]}
                    - create_table:
                        table: people
                        columns:
                          - {name: id, type: integer, primary_key: true}
                          - {name: mood, type: enum(mood), values: [happy, sad], nullable: false, server_default: happy}
                    - create_table:
                        table: pets
                        columns:
                          - {name: id, type: integer, primary_key: true}
                          - {name: owner_id, type: integer, references: people.id, on_delete: cascade}
                          - {name: mood, type: enum(mood), values: [happy, sad]}
                    - create_index: {name: ix_pets_mood, table: pets, columns: [mood]}
                    """));
            db.execute("INSERT INTO people (id) VALUES (1)");
            db.execute("INSERT INTO people (id, mood) VALUES (2, 'sad')");
            db.execute("INSERT INTO pets (id, owner_id, mood) VALUES (10, 1, 'happy'), (11, 2, 'sad')");

            StatementRunner.run(db, statements("- add_enum_value: {name: mood, value: grumpy, before: sad}"));
            db.execute("INSERT INTO pets (id, owner_id, mood) VALUES (12, 1, 'grumpy')");
            StatementFailed refused = assertThrows(StatementFailed.class, () -> db.execute("INSERT INTO people (mood) VALUES ('x')"));
            assertTrue(refused.getMessage().contains("CHECK constraint failed: mood"), refused.getMessage());

            StatementRunner.run(db, statements("- rename_enum_value: {name: mood, value: happy, new_value: glad}"));
            assertEquals(List.of(List.of("1", "glad"), List.of("2", "sad")), db.query("SELECT id, mood FROM people ORDER BY id"));
            assertEquals(List.of(List.of("10", "glad"), List.of("11", "sad"), List.of("12", "grumpy")),
                    db.query("SELECT id, mood FROM pets ORDER BY id"));
            db.execute("INSERT INTO people (id) VALUES (3)");
            assertEquals(List.of(List.of("glad")), db.query("SELECT mood FROM people WHERE id = 3"), "the default follows");

            CheckFailed e = assertThrows(CheckFailed.class,
                    () -> StatementRunner.run(db, statements("- replace_enum_values: {name: mood, values: [glad, sad]}")));
            assertEquals("replace_enum_values cannot change enum mood: 1 row(s) of table pets hold values it removes (grumpy in"
                    + " column mood); update or delete those rows first", e.getMessage());
            db.execute("DELETE FROM pets WHERE mood = 'grumpy'");
            StatementRunner.run(db, statements("- replace_enum_values: {name: mood, values: [glad, sad, calm]}"));
            assertEquals(List.of(List.of("CREATE TABLE \"pets\" (\n    id INTEGER NOT NULL,\n    owner_id INTEGER REFERENCES"
                    + " people (id) ON DELETE CASCADE,\n    mood VARCHAR(4) CONSTRAINT mood CHECK (mood IN ('glad', 'sad',"
                    + " 'calm')),\n    PRIMARY KEY (id)\n)"), List.of("CREATE INDEX ix_pets_mood ON pets (mood)")),
                    db.query("SELECT sql FROM sqlite_master WHERE tbl_name = 'pets' ORDER BY type DESC"));
            db.execute("DELETE FROM people WHERE id = 1");
            assertEquals(List.of(List.of("11")), db.query("SELECT id FROM pets"), "the foreign key still cascades");
        }
    }
}
