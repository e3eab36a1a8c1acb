package dev.migrate.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateException;
import dev.migrate.sql.Statement;
import dev.migrate.sql.UnterminatedSqlException;
import dev.migrate.yaml.SourceException;

class RevisionScriptTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static List<String> sql(List<Statement> statements) {
        return statements.stream().map(Statement::sql).collect(Collectors.toList());
    }

    private static final String SQL_REVISION = "-- revision: 3f2a9c1b7d4e\n"
            + "-- down_revision: 1975ea83b712\n"
            + "-- message: add device status: phase 1\n"
            + "-- create_date: 2026-11-21 15:00:00.000000\n"
            + "-- transactional: false\n"
            + "\n"
            + "-- migrate:upgrade\n"
            + "ALTER TABLE devices ADD COLUMN status varchar(50);\n"
            + "CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$ LANGUAGE plpgsql;\n"
            + "\n"
            + "-- migrate:downgrade\n"
            + "DROP FUNCTION touch();\n"
            + "ALTER TABLE devices DROP COLUMN status;\n";

    @Test
    void readsASqlRevision() throws IOException {
        RevisionScript s = RevisionScript.load(write("3f2a_add.sql", SQL_REVISION));
        assertEquals("3f2a9c1b7d4e", s.id());
        assertEquals("3f2a9c1b7d4e", s.revision().id());
        assertEquals(List.of("1975ea83b712"), s.revision().downRevisions());
        assertEquals(List.of(), s.revision().branchLabels());
        assertEquals("add device status: phase 1", s.message());
        assertEquals("2026-11-21 15:00:00.000000", s.createDate());
        assertFalse(s.transactional());
        assertEquals(Format.SQL, s.format());
        assertEquals(dir.resolve("3f2a_add.sql"), s.file());
        SqlBody body = (SqlBody) s.body();
        List<Statement> up = body.upgrade("postgresql");
        assertEquals(2, up.size());
        assertEquals(8, up.get(0).line());
        assertEquals(9, up.get(1).line());
        assertTrue(up.get(1).sql().endsWith("LANGUAGE plpgsql"));
        assertEquals(List.of("DROP FUNCTION touch()", "ALTER TABLE devices DROP COLUMN status"), sql(body.downgrade("sqlite")));
        assertEquals(12, body.downgrade("sqlite").get(0).line());
    }

    @Test
    void sqlHeaderListsAndDefaults() throws IOException {
        RevisionScript s = RevisionScript.load(write("m.sql", "-- revision: 'm1'\n-- down_revision: [a1, \"b2\"]\n"
                + "-- branch_labels: feature\n-- depends_on: [x1]\n-- migrate:upgrade\n"));
        assertEquals("m1", s.id());
        assertEquals(List.of("a1", "b2"), s.revision().downRevisions());
        assertEquals(List.of("feature"), s.revision().branchLabels());
        assertEquals(List.of("x1"), s.revision().dependsOn());
        assertTrue(s.transactional());
        assertEquals("", s.message());
        assertNull(s.createDate());
        assertEquals(List.of(), ((SqlBody) s.body()).upgrade("postgresql"));
        for (String none : new String[] {"null", "~", "", "[]", "None"}) {
            RevisionScript b = RevisionScript.load(write("b.sql", "-- revision: b\n-- down_revision: " + none + "\n-- migrate:upgrade\n"));
            assertTrue(b.revision().isBase(), none);
        }
    }

    @Test
    void dialectSectionsAreKeptInFileOrder() throws IOException {
        RevisionScript s = RevisionScript.load(write("d.sql", "-- revision: d\n"
                + "-- migrate:upgrade\nSELECT 'all 1';\n"
                + "-- migrate:upgrade postgresql\nSELECT 'pg';\n"
                + "-- migrate:downgrade\nSELECT 'down';\n"
                + "--migrate:upgrade sqlite\nSELECT 'lite';\n"
                + "-- migrate:upgrade\nSELECT 'all 2';\n"));
        SqlBody body = (SqlBody) s.body();
        assertEquals(List.of("SELECT 'all 1'", "SELECT 'pg'", "SELECT 'all 2'"), sql(body.upgrade("postgresql")));
        assertEquals(List.of("SELECT 'all 1'", "SELECT 'lite'", "SELECT 'all 2'"), sql(body.upgrade("sqlite")));
        assertEquals(List.of("SELECT 'down'"), sql(body.downgrade("postgresql")));
        assertEquals(List.of(3, 5, 11), body.upgrade("postgresql").stream().map(Statement::line).collect(Collectors.toList()));
    }

    @Test
    void aMarkerLineInsideADollarBodyBelongsToTheBody() throws IOException {
        RevisionScript s = RevisionScript.load(write("f.sql", "-- revision: f\n"
                + "-- migrate:upgrade postgresql\n"
                + "CREATE FUNCTION note() RETURNS text LANGUAGE sql AS $$\n"
                + "-- migrate:downgrade\n"
                + "SELECT 'kept' $$;\n"
                + "-- migrate:downgrade postgresql\n"
                + "DROP FUNCTION note();\n"));
        SqlBody body = (SqlBody) s.body();
        assertEquals(1, body.upgrade("postgresql").size());
        assertTrue(body.upgrade("postgresql").get(0).sql().endsWith("SELECT 'kept' $$"), body.upgrade("postgresql").toString());
        assertEquals(List.of("DROP FUNCTION note()"), sql(body.downgrade("postgresql")));
        assertEquals(7, body.downgrade("postgresql").get(0).line());
    }

    @Test
    void sqlStatementOutsideASectionIsAnError() throws IOException {
        Path p = write("o.sql", "-- revision: o\n\nCREATE TABLE t (x int);\n-- migrate:upgrade\n");
        SourceException e = assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(p));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(p + ":3: statement outside any section"), e.getMessage());
    }

    @Test
    void sqlWithoutUpgradeSectionIsAnError() throws IOException {
        Path p = write("n.sql", "-- revision: n\n\n-- migrate:downgrade\nSELECT 1;\n");
        SourceException e = assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(p));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("no '-- migrate:upgrade' section"), e.getMessage());
    }

    @Test
    void sqlUnknownSectionOrDialectIsAnError() throws IOException {
        Path p = write("u.sql", "-- revision: u\n-- migrate:upgrade\n-- migrate:upgade\n");
        assertEquals(3, assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(p)).line());
        Path q = write("v.sql", "-- revision: v\n-- migrate:upgrade mysql\n");
        SourceException e = assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(q));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("postgresql, sqlite"), e.getMessage());
    }

    @Test
    void sqlUnknownOrDuplicateHeaderFieldIsAnError() throws IOException {
        Path p = write("h.sql", "-- revision: h\n-- down_revison: a\n-- migrate:upgrade\n");
        SourceException e = assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(p));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("unknown header field 'down_revison'"), e.getMessage());
        Path q = write("i.sql", "-- revision: h\n-- revision: i\n-- migrate:upgrade\n");
        assertEquals(2, assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(q)).line());
    }

    @Test
    void sqlFreeCommentsInTheHeaderAreAllowed() throws IOException {
        RevisionScript s = RevisionScript.load(write("c.sql", "-- Adds the status column.\n-- See: TICKET-12\n"
                + "-- revision: c\n-- migrate:upgrade\n-- down_revision: ignored comment here\nSELECT 1;\n"));
        assertEquals("c", s.id());
        assertTrue(s.revision().isBase());
    }

    @Test
    void sqlMissingRevisionNamesTheFile() throws IOException {
        Path p = write("x.sql", "-- message: hi\n-- migrate:upgrade\n");
        MigrateException e = assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(p));
        assertTrue(e.getMessage().startsWith(p + ": no '-- revision: ID' header"), e.getMessage());
    }

    @Test
    void sqlUnterminatedQuoteNamesFileAndLine() throws IOException {
        Path p = write("q.sql", "-- revision: q\n-- migrate:upgrade\nSELECT 1;\nSELECT 'oops;\n");
        SourceException e = assertThrows(UnterminatedSqlException.class, () -> RevisionScript.load(p));
        assertEquals(p.toString(), e.origin());
        assertEquals(4, e.line());
    }

    @Test
    void sqlBadTransactionalValue() throws IOException {
        Path p = write("t.sql", "-- revision: t\n-- transactional: maybe\n-- migrate:upgrade\n");
        assertEquals(2, assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(p)).line());
    }

    @Test
    void sqlValuesAreSubstitutedWhenStatementsAreAskedFor() throws IOException {
        Path p = write("x.sql", "-- revision: x\n-- migrate:upgrade\nCREATE SCHEMA ${x.tenant};\nSELECT '${other}';\n");
        RevisionScript s = RevisionScript.load(p, Map.of("tenant", "acme"));
        assertEquals(List.of("CREATE SCHEMA acme", "SELECT '${other}'"), sql(((SqlBody) s.body()).upgrade("postgresql")));
        RevisionScript missing = RevisionScript.load(p);
        UndefinedValueException e = assertThrows(UndefinedValueException.class,
                () -> ((SqlBody) missing.body()).upgrade("postgresql"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("-x tenant=VALUE"), e.getMessage());
    }

    @Test
    void idsWithADotReadFromYamlAndSql() throws IOException {
        RevisionScript y = RevisionScript.load(write("1.2_add_x.yaml", "revision: 1.2_add\ndown_revision: 1.0_init\nupgrade: []\n"));
        assertEquals("1.2_add", y.id());
        assertEquals(List.of("1.0_init"), y.revision().downRevisions());
        RevisionScript s = RevisionScript.load(write("1.3_more.sql",
                "-- revision: 1.3_more\n-- down_revision: [1.2_add, '1.1.b']\n-- migrate:upgrade\nSELECT 1;\n"));
        assertEquals("1.3_more", s.id());
        assertEquals(List.of("1.2_add", "1.1.b"), s.revision().downRevisions());
    }

    @Test
    void revisionIdsAreValidated() throws IOException {
        assertTrue(RevisionIds.isValid("ab_C09"));
        assertFalse(RevisionIds.isValid("2024-01"), "a dash reads as a relative step");
        assertTrue(RevisionIds.isValid("a".repeat(32)));
        assertFalse(RevisionIds.isValid("a".repeat(33)));
        assertFalse(RevisionIds.isValid(""));
        assertFalse(RevisionIds.isValid("a b"));
        assertTrue(RevisionIds.isValid("1.2_add"), "Alembic allows '.'");
        assertTrue(RevisionIds.isValid("v2$x=y%z"));
        for (String bad : List.of("a@b", "a+1", "a:b", "a,b", "a'b", "a\"b", "[a]", "a/b", "a\\b", "a\tb", "é")) {
            assertFalse(RevisionIds.isValid(bad), bad);
        }
        Path p = write("bad.sql", "-- revision: not valid\n-- migrate:upgrade\n");
        SourceException e = assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(p));
        assertEquals(1, e.line());
        Path q = write("bad.yaml", "revision: ok\ndown_revision: [a, 'b/c']\nupgrade: []\n");
        assertEquals(2, assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(q)).line());
    }

    @Test
    void readsAYamlRevisionHeader() throws IOException {
        RevisionScript s = RevisionScript.load(write("3f2a.yaml", "revision: 3f2a9c1b7d4e\n"
                + "down_revision: 1975ea83b712\nbranch_labels: [devices]\ndepends_on: []\n"
                + "message: add device status\ncreate_date: 2026-11-21 15:00:00.000000\n"
                + "transactional: false\nupgrade:\n  - execute: SELECT 1\n"));
        assertEquals("3f2a9c1b7d4e", s.id());
        assertEquals(List.of("1975ea83b712"), s.revision().downRevisions());
        assertEquals(List.of("devices"), s.revision().branchLabels());
        assertEquals(List.of(), s.revision().dependsOn());
        assertEquals("add device status", s.message());
        assertEquals("2026-11-21 15:00:00.000000", s.createDate());
        assertFalse(s.transactional());
        assertEquals(Format.YAML, s.format());
        assertEquals(s.file().toString(), s.revision().origin());
    }

    @Test
    void yamlMergeRevisionAndDefaults() throws IOException {
        RevisionScript s = RevisionScript.load(write("m.yml", "revision: '0001'\ndown_revision: [a1, b2]\nupgrade: []\n"));
        assertEquals("0001", s.id());
        assertTrue(s.revision().isMerge());
        assertTrue(s.transactional());
        assertEquals("", s.message());
        RevisionScript base = RevisionScript.load(write("b.yaml", "revision: b\ndown_revision: null\nupgrade: []\n"));
        assertTrue(base.revision().isBase());
    }

    @Test
    void yamlUnknownFieldIsAnErrorWithLine() throws IOException {
        Path p = write("u.yaml", "revision: u\nupgrade: []\ndowngrde: []\n");
        SourceException e = assertThrows(SourceException.class, () -> RevisionScript.load(p));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unknown field 'downgrde'"), e.getMessage());
    }

    @Test
    void yamlMissingRevisionOrUpgrade() throws IOException {
        Path p = write("n.yaml", "message: hi\nupgrade: []\n");
        MigrateException e = assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(p));
        assertTrue(e.getMessage().startsWith(p + ": no 'revision' field"), e.getMessage());
        Path q = write("o.yaml", "revision: o\n");
        assertTrue(assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(q))
                .getMessage().contains("no 'upgrade' field"));
        Path r = write("r.yaml", "- revision: o\n");
        assertThrows(InvalidRevisionFileException.class, () -> RevisionScript.load(r));
    }

    @Test
    void yamlBadTransactionalReportsItsLine() throws IOException {
        Path p = write("t.yaml", "revision: t\ntransactional: sometimes\nupgrade: []\n");
        assertEquals(2, assertThrows(SourceException.class, () -> RevisionScript.load(p)).line());
    }

    @Test
    void checksumIgnoresLineEndingsAndBom() throws IOException {
        String lf = "-- revision: c\n-- migrate:upgrade\nSELECT 1;\n";
        String a = RevisionScript.load(write("a.sql", lf)).checksum();
        String b = RevisionScript.load(write("b.sql", "\uFEFF" + lf.replace("\n", "\r\n"))).checksum();
        String c = RevisionScript.load(write("c.sql", lf.replace("\n", "\r"))).checksum();
        String d = RevisionScript.load(write("d.sql", lf.replace("SELECT 1", "SELECT 2"))).checksum();
        assertEquals(a, b);
        assertEquals(a, c);
        assertFalse(a.equals(d));
        assertEquals(64, a.length());
        // SHA-256 of the empty string, a known vector
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Checksum.of("\uFEFF"));
    }

    @Test
    void crOnlyFileStillHasRightLineNumbers() throws IOException {
        Path p = write("cr.sql", "-- revision: cr\r-- migrate:upgrade\r\rSELECT 1;\r");
        assertEquals(4, ((SqlBody) RevisionScript.load(p).body()).upgrade("sqlite").get(0).line());
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Path p = dir.resolve("bin.sql");
        Files.write(p, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertTrue(assertThrows(MigrateException.class, () -> RevisionScript.load(p)).getMessage().contains("UTF-8"));
        Files.writeString(dir.resolve("ok.sql"), "-- revision: ok\n-- message: caf\u00e9\n-- migrate:upgrade\n", StandardCharsets.UTF_8);
        assertEquals("caf\u00e9", RevisionScript.load(dir.resolve("ok.sql")).message());
    }
}
