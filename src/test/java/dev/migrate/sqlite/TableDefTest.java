package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The CREATE TABLE model: each definition is kept as written, and split where SQLite's grammar splits it. */
class TableDefTest {
    private static List<String> clauses(ColumnDef c) {
        return c.clauses().stream().map(k -> k.kind() + (k.name() == null ? "" : " " + k.name()) + ": " + k.sql()).toList();
    }

    @Test
    void definitionsAreSplitAtTopLevelCommasOutsideQuotesAndComments() {
        TableDef t = TableDef.parse("""
                CREATE TABLE IF NOT EXISTS "odd, name" ( -- a comment, with a comma
                  [my col] "VARCHAR(10)" DEFAULT 'a,b' NOT NULL, /* (unbalanced, */
                  `b` NUMERIC(10, 2) CHECK (b > 0 AND b < (1, 2) IN (SELECT 1)) COLLATE NOCASE,
                  c,
                  CONSTRAINT "pk t" PRIMARY KEY ([my col] DESC, `b`) ON CONFLICT REPLACE,
                  FOREIGN KEY (c) REFERENCES other (id) ON DELETE SET NULL
                ) WITHOUT ROWID, STRICT""");
        assertEquals("odd, name", t.name());
        assertEquals(List.of("my col", "b", "c"), t.columns().stream().map(ColumnDef::name).toList());
        assertEquals("[my col] \"VARCHAR(10)\" DEFAULT 'a,b' NOT NULL", t.columns().get(0).sql());
        assertEquals("NUMERIC(10, 2)", t.columns().get(1).type());
        assertEquals(List.of("CHECK: CHECK (b > 0 AND b < (1, 2) IN (SELECT 1))", "COLLATE: COLLATE NOCASE"),
                clauses(t.columns().get(1)));
        assertEquals("", t.columns().get(2).type());
        assertEquals("pk t", t.constraints().get(0).name());
        assertEquals(List.of("my col", "b"), t.constraints().get(0).columns());
        assertEquals("FOREIGN", t.constraints().get(1).kind());
        assertEquals(List.of("c"), t.constraints().get(1).columns());
        assertEquals("WITHOUT ROWID, STRICT", t.options());
    }

    @Test
    void wordsThatStartAConstraintElsewhereStayInsideTheirOwn() {
        ColumnDef c = TableDef.parse("CREATE TABLE t (a INTEGER CONSTRAINT nn NOT NULL DEFAULT NULL REFERENCES p (id)"
                + " ON DELETE SET NULL ON UPDATE SET DEFAULT MATCH FULL NOT DEFERRABLE INITIALLY IMMEDIATE"
                + " GENERATED ALWAYS AS (1) STORED UNIQUE ON CONFLICT IGNORE)").columns().get(0);
        assertEquals(List.of("NOT nn: CONSTRAINT nn NOT NULL", "DEFAULT: DEFAULT NULL",
                "REFERENCES: REFERENCES p (id) ON DELETE SET NULL ON UPDATE SET DEFAULT MATCH FULL NOT DEFERRABLE INITIALLY"
                        + " IMMEDIATE", "GENERATED: GENERATED ALWAYS AS (1) STORED", "UNIQUE: UNIQUE ON CONFLICT IGNORE"),
                clauses(c));
        assertEquals("INTEGER", c.type());
        ColumnDef generated = TableDef.parse("CREATE TABLE t (a, b AS (a * 2))").columns().get(1);
        assertEquals(List.of("GENERATED: AS (a * 2)"), clauses(generated));
    }

    @Test
    void anUnchangedDefinitionIsWrittenBackAsItWas() {
        TableDef t = TableDef.parse("CREATE TABLE t(a INT PRIMARY KEY, b TEXT COLLATE NOCASE -- trailing\n, CHECK (a > 0))");
        assertEquals("CREATE TABLE t2 (\n    a INT PRIMARY KEY,\n    b TEXT COLLATE NOCASE,\n    CHECK (a > 0)\n)", t.sql("t2"));
        assertNull(t.constraints().get(0).name());
    }

    @Test
    void editsKeepTheOtherClausesWhereTheyAre() {
        ColumnDef c = TableDef.parse("CREATE TABLE t (a TEXT COLLATE NOCASE NULL CHECK (a <> ''))").columns().get(0);
        assertEquals("a TEXT DEFAULT 'x' COLLATE NOCASE NULL CHECK (a <> '')", c.withDefault("'x'").sql());
        assertEquals("a TEXT DEFAULT 'x' NOT NULL COLLATE NOCASE CHECK (a <> '')", c.withDefault("'x'").withNotNull(true).sql());
        assertEquals("a TEXT COLLATE NOCASE CHECK (a <> '')", c.withDefault("'x'").withDefault(null).withNotNull(false).sql());
        assertEquals("a TEXT NOT NULL COLLATE NOCASE CHECK (a <> '')", c.withNotNull(true).sql());
    }

    @Test
    void enumChecksAreRecognisedByTheirShape() {
        ColumnDef c = TableDef.parse("CREATE TABLE t (m VARCHAR(5) CONSTRAINT mood CHECK (m IN ('a', 'it''s')) CHECK (m IN ('a'))"
                + " CONSTRAINT other CHECK (length(m) > 0))").columns().get(0);
        assertEquals(new EnumCheck("mood", List.of("a", "it's")), EnumCheck.of(c.clauses().get(0), "m"));
        assertNull(EnumCheck.of(c.clauses().get(1), "m"), "unnamed");
        assertNull(EnumCheck.of(c.clauses().get(2), "m"), "another shape");
        assertNull(EnumCheck.of(c.clauses().get(0), "n"), "another column");
        assertEquals("CONSTRAINT mood CHECK (m IN ('a', 'it''s'))", new EnumCheck("mood", List.of("a", "it's")).clause("m").sql());
    }

    @Test
    void aVirtualTableIsNotModelled() {
        assertEquals("a virtual table", assertThrows(IllegalArgumentException.class,
                () -> TableDef.parse("CREATE VIRTUAL TABLE docs USING fts5(title, body)")).getMessage());
    }
}
