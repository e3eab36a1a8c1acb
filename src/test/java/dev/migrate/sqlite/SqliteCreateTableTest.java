package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.sqlite.SqliteCreateTable.Constraint;
import dev.migrate.sqlite.SqliteCreateTable.Definition;
import dev.migrate.sqlite.SqliteCreateTable.Kind;

class SqliteCreateTableTest {
    @Test
    void constraintsOnColumnsAndOnTheTableWithTheirNames() {
        Definition d = SqliteCreateTable.parse("""
                CREATE TABLE "my table" (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    [note, with comma] TEXT DEFAULT ('a, (b)') CONSTRAINT note_len CHECK (length("note, with comma") < 10),
                    parent INTEGER REFERENCES "my table" ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED NOT NULL,
                    other INTEGER CONSTRAINT fk_other REFERENCES t (a) ON UPDATE SET DEFAULT NOT DEFERRABLE,
                    /* CHECK (not this) */ `code` VARCHAR(3) UNIQUE CHECK (code IN ('a,b', 'c''d')),
                    CONSTRAINT pk2 UNIQUE (parent, other),
                    FOREIGN KEY (parent, other) REFERENCES t (x, y) DEFERRABLE,
                    CHECK (parent <> other)
                ) STRICT""");
        assertEquals(List.of("id", "note, with comma", "parent", "other", "code"),
                d.columns().stream().map(SqliteCreateTable.ColumnDefinition::name).toList());
        assertTrue(d.columns().get(0).autoincrement());
        assertFalse(d.columns().get(2).autoincrement());
        assertEquals(List.of(new Constraint(Kind.PRIMARY_KEY, null, List.of("id"), null, null, List.of(), false, false)),
                d.columns().get(0).constraints());
        assertEquals(List.of(new Constraint(Kind.CHECK, "note_len", List.of("note, with comma"),
                "length(\"note, with comma\") < 10", null, List.of(), false, false)), d.columns().get(1).constraints());
        assertEquals(List.of(new Constraint(Kind.FOREIGN_KEY, null, List.of("parent"), null, "my table", List.of(), true, true)),
                d.columns().get(2).constraints());
        assertEquals(List.of(new Constraint(Kind.FOREIGN_KEY, "fk_other", List.of("other"), null, "t", List.of("a"), false, false)),
                d.columns().get(3).constraints());
        assertEquals(List.of(new Constraint(Kind.UNIQUE, null, List.of("code"), null, null, List.of(), false, false),
                new Constraint(Kind.CHECK, null, List.of("code"), "code IN ('a,b', 'c''d')", null, List.of(), false, false)),
                d.columns().get(4).constraints());
        assertEquals(List.of(
                new Constraint(Kind.UNIQUE, "pk2", List.of("parent", "other"), null, null, List.of(), false, false),
                new Constraint(Kind.FOREIGN_KEY, null, List.of("parent", "other"), null, "t", List.of("x", "y"), true, false),
                new Constraint(Kind.CHECK, null, List.of(), "parent <> other", null, List.of(), false, false)), d.constraints());
    }

    @Test
    void theEnumCheckIsOnlyTheShapeMigrateWrites() {
        assertEquals(List.of("a", "bb"), SqliteEnumCheck.values("\"kind\" IN ('a', 'bb')", "kind", "VARCHAR(2)"));
        assertNull(SqliteEnumCheck.values("kind IN ('a', 'bb')", "kind", "VARCHAR(5)"));
        assertNull(SqliteEnumCheck.values("kind IN ('a', 'bb')", "kind", "TEXT"));
        assertNull(SqliteEnumCheck.values("other IN ('a', 'bb')", "kind", "VARCHAR(2)"));
        assertNull(SqliteEnumCheck.values("kind IN ('a', 'a')", "kind", "VARCHAR(1)"));
        assertNull(SqliteEnumCheck.values("kind IN ('a', 1)", "kind", "VARCHAR(1)"));
        assertNull(SqliteEnumCheck.values("kind IN ('a') OR kind IS NULL", "kind", "VARCHAR(1)"));
    }
}
