package dev.migrate.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SqlSplitterTest {
    private static List<Statement> split(String sql) {
        return SqlSplitter.split(sql, "r.sql", 1);
    }

    private static List<String> texts(String sql) {
        return split(sql).stream().map(Statement::sql).collect(Collectors.toList());
    }

    private static List<Integer> lines(String sql) {
        return split(sql).stream().map(Statement::line).collect(Collectors.toList());
    }

    @Test
    void splitsAtSemicolonsAndDropsTheSemicolon() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1; SELECT 2;"));
    }

    @Test
    void keepsALastStatementWithoutSemicolon() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1;\nSELECT 2\n"));
    }

    @Test
    void dropsEmptyStatements() {
        assertEquals(List.of("SELECT 1"), texts(";;\n  ;SELECT 1;;  ;\n"));
        assertEquals(List.of(), texts(""));
        assertEquals(List.of(), texts("   \n\n"));
    }

    @Test
    void dropsStatementsMadeOnlyOfComments() {
        assertEquals(List.of("SELECT 1"), texts("-- just a note\n/* and another */;\nSELECT 1;\n-- trailing note\n"));
    }

    @Test
    void reportsTheLineOfTheFirstWordAfterLeadingComments() {
        String sql = "\n-- create the table\nCREATE TABLE t (id int);\n\n/* multi\nline */\nDROP TABLE t;";
        assertEquals(List.of(3, 7), lines(sql));
        assertEquals(List.of("CREATE TABLE t (id int)", "DROP TABLE t"), texts(sql));
    }

    @Test
    void countsLinesFromTheGivenFirstLine() {
        List<Statement> s = SqlSplitter.split("SELECT 1;\nSELECT 2;", "r.sql", 10);
        assertEquals(10, s.get(0).line());
        assertEquals(11, s.get(1).line());
    }

    @Test
    void multiLineStatementKeepsItsInnerText() {
        assertEquals(List.of("CREATE TABLE t (\n  id int, -- the key; really\n  name text\n)"),
                texts("CREATE TABLE t (\n  id int, -- the key; really\n  name text\n);"));
    }

    @Test
    void semicolonInSingleQuotesDoesNotSplit() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b')", "SELECT 2"), texts("INSERT INTO t VALUES ('a;b'); SELECT 2;"));
    }

    @Test
    void doubledSingleQuoteIsAnEscape() {
        assertEquals(List.of("SELECT 'it''s; fine'", "SELECT 2"), texts("SELECT 'it''s; fine'; SELECT 2"));
        assertEquals(List.of("SELECT ''", "SELECT ';'"), texts("SELECT '';SELECT ';'"));
    }

    @Test
    void escapeStringAllowsBackslashQuote() {
        assertEquals(List.of("SELECT E'it\\'s; ok'", "SELECT 2"), texts("SELECT E'it\\'s; ok'; SELECT 2;"));
        assertEquals(List.of("SELECT e'a\\\\'", "SELECT ';'"), texts("SELECT e'a\\\\'; SELECT ';';"));
    }

    @Test
    void backslashInAStandardStringIsAPlainCharacter() {
        assertEquals(List.of("SELECT 'C:\\'", "SELECT 2"), texts("SELECT 'C:\\'; SELECT 2"));
    }

    @Test
    void wordEndingInEBeforeAQuoteIsNotAnEscapeString() {
        assertEquals(List.of("SELECT DATE'2020-01-01\\'", "SELECT 2"), texts("SELECT DATE'2020-01-01\\'; SELECT 2"));
    }

    @Test
    void semicolonInQuotedIdentifierDoesNotSplit() {
        assertEquals(List.of("CREATE TABLE \"a;\"\"b\" (x int)", "SELECT 1"), texts("CREATE TABLE \"a;\"\"b\" (x int); SELECT 1"));
        assertEquals(List.of("SELECT `a;b`", "SELECT 1"), texts("SELECT `a;b`; SELECT 1"));
    }

    @Test
    void dollarQuotedBodyKeepsSemicolonsQuotesAndComments() {
        String fn = "CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.x = 'a;'; -- no\n RETURN NEW; END $$ LANGUAGE plpgsql";
        assertEquals(List.of(fn, "SELECT 1"), texts(fn + ";\nSELECT 1;"));
    }

    @Test
    void taggedDollarQuoteMayContainOtherDollarQuotes() {
        String fn = "CREATE FUNCTION f() RETURNS text AS $body$ SELECT $$;$$; $x$ ; $x$ $body$ LANGUAGE sql";
        assertEquals(List.of(fn, "SELECT 2"), texts(fn + "; SELECT 2"));
    }

    @Test
    void dollarQuoteCountsItsLines() {
        assertEquals(List.of(1, 4), lines("DO $$\nBEGIN\nEND $$;\nSELECT 1;"));
    }

    @Test
    void positionalParametersAndDollarsInIdentifiersAreNotQuotes() {
        assertEquals(List.of("PREPARE p AS SELECT $1", "SELECT a$b$c FROM t", "SELECT 3"),
                texts("PREPARE p AS SELECT $1; SELECT a$b$c FROM t; SELECT 3;"));
    }

    @Test
    void nestedBlockCommentsAreSkippedWhole() {
        assertEquals(List.of("SELECT 1 /* a /* b; */ c; */ + 1", "SELECT 2"), texts("SELECT 1 /* a /* b; */ c; */ + 1; SELECT 2"));
    }

    @Test
    void quotesInsideCommentsAreIgnored() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("-- don't\nSELECT 1; /* it's */ SELECT 2;"));
    }

    @Test
    void commentMarkersInsideStringsAreText() {
        assertEquals(List.of("SELECT '-- no', '/* no'", "SELECT 2"), texts("SELECT '-- no', '/* no'; SELECT 2"));
    }

    @Test
    void sqliteTriggerBodyIsOneStatement() {
        String trigger = "CREATE TRIGGER t_touch AFTER UPDATE ON t BEGIN\n  UPDATE t SET n = n + 1;\n"
                + "  UPDATE t SET m = CASE WHEN m > 0 THEN 1 ELSE 0 END;\nEND";
        assertEquals(List.of(trigger, "SELECT 1"), texts(trigger + ";\nSELECT 1;"));
    }

    @Test
    void beginAtomicFunctionBodyIsOneStatement() {
        String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END";
        assertEquals(List.of(fn, "SELECT 3"), texts(fn + "; SELECT 3;"));
    }

    @Test
    void transactionControlStatementsStillSplit() {
        assertEquals(List.of("BEGIN", "SELECT 1", "END", "SELECT CASE WHEN true THEN 1 END", "COMMIT"),
                texts("BEGIN; SELECT 1; END; SELECT CASE WHEN true THEN 1 END; COMMIT;"));
    }

    @Test
    void aColumnCalledBeginIsAnOrdinaryWord() {
        assertEquals(List.of("CREATE TABLE events (begin timestamptz, \"end\" timestamptz)", "SELECT begin FROM events",
                "UPDATE events SET begin = now() WHERE begin IS NULL", "SELECT 4"),
                texts("CREATE TABLE events (begin timestamptz, \"end\" timestamptz);\nSELECT begin FROM events;\n"
                        + "UPDATE events SET begin = now() WHERE begin IS NULL;\nSELECT 4;"));
        assertEquals(List.of(1, 2, 3), lines("SELECT begin, x FROM t;\nSELECT 2;\nSELECT 3;"));
    }

    @Test
    void caseOutsideABodyOpensNothing() {
        assertEquals(List.of("SELECT CASE WHEN a THEN 1 ELSE 2 END FROM t", "SELECT 2"),
                texts("SELECT CASE WHEN a THEN 1 ELSE 2 END FROM t; SELECT 2;"));
        assertEquals(List.of("SELECT x AS case_when, end_at FROM t", "SELECT 2"), texts("SELECT x AS case_when, end_at FROM t; SELECT 2"));
    }

    @Test
    void aTriggerBodyNestsCaseAndEndsAtItsEnd() {
        String trigger = "CREATE TEMP TRIGGER IF NOT EXISTS t_flag AFTER INSERT ON t FOR EACH ROW BEGIN\n"
                + "  UPDATE t SET flag = CASE WHEN NEW.x > 0 THEN CASE NEW.y WHEN 1 THEN 'a' END ELSE 'b' END;\n"
                + "  DELETE FROM log;\nEND";
        assertEquals(List.of(trigger, "SELECT 1"), texts(trigger + ";\nSELECT 1;"));
    }

    @Test
    void aTriggerOnAColumnOrTableCalledBeginStillFindsItsBody() {
        String ofColumn = "CREATE TRIGGER tr AFTER UPDATE OF a, begin ON t BEGIN UPDATE t SET begin = 1; END";
        String onTable = "CREATE TRIGGER begin AFTER UPDATE OF begin ON begin WHEN NEW.x > 0 BEGIN SELECT 1; END";
        assertEquals(List.of(ofColumn, onTable, "SELECT 3"), texts(ofColumn + ";\n" + onTable + ";\nSELECT 3;"));
    }

    @Test
    void aPostgresTriggerHasNoBodyToTrack() {
        String trigger = "CREATE OR REPLACE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()";
        assertEquals(List.of(trigger, "SELECT 2"), texts(trigger + "; SELECT 2;"));
    }

    @Test
    void beginAtomicBodiesOfRoutines() {
        String proc = "CREATE OR REPLACE PROCEDURE p(begin int) LANGUAGE sql BEGIN ATOMIC\n"
                + "  INSERT INTO t VALUES (begin);\n  INSERT INTO t VALUES (CASE WHEN begin > 0 THEN 1 END);\nEND";
        assertEquals(List.of(proc, "SELECT 2"), texts(proc + ";\nSELECT 2;"));
        String withComment = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN /* body */ -- here\n ATOMIC SELECT 1; END";
        assertEquals(List.of(withComment, "SELECT 2"), texts(withComment + "; SELECT 2"));
        String nested = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN /* a /* b */ c */ ATOMIC SELECT 1; END";
        assertEquals(List.of(nested, "SELECT 2"), texts(nested + "; SELECT 2"), "comments nest here as everywhere");
    }

    /** A number with an exponent is one number: nothing of it is a word that could classify a statement. */
    @Test
    void numbersAreNotWords() {
        assertEquals(List.of("SELECT"), SqlSplitter.leadingWords("SELECT 1e5"));
        assertEquals(List.of("SELECT", "E"), SqlSplitter.leadingWords("SELECT 1E'\\n'"));
        assertEquals(List.of("SELECT 1E'\\n;'", "SELECT 2"), texts("SELECT 1E'\\n;'; SELECT 2"));
    }

    @Test
    void aRoutineWithoutAtomicOpensNoBlock() {
        // Not valid SQL, but it must not swallow the statements after it.
        assertEquals(List.of("CREATE FUNCTION f() RETURNS int BEGIN", "SELECT 1", "END", "SELECT 2"),
                texts("CREATE FUNCTION f() RETURNS int BEGIN; SELECT 1; END; SELECT 2;"));
    }

    @Test
    void dollarQuotedRoutineBodiesNeedNoTracking() {
        String fn = "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  CASE WHEN true THEN NULL; END CASE;\n"
                + "  RETURN NEW;\nEND\n$$";
        assertEquals(List.of(fn, "SELECT 2"), texts(fn + ";\nSELECT 2;"));
    }

    @Test
    void sectionMarkersSplitTheFileOutsideQuotesAndBodies() {
        String file = "-- revision: a\n"
                + "-- migrate:upgrade\n"
                + "CREATE FUNCTION f() RETURNS int AS $$\n-- migrate:downgrade\nSELECT 1 $$ LANGUAGE sql;\n"
                + "SELECT '\n-- migrate:downgrade\n';\n"
                + "/*\n-- migrate:downgrade\n*/\n"
                + "SELECT 1; -- migrate:downgrade\n"
                + "SELECT 2\n"
                + "  -- migrate:downgrade sqlite\n"
                + "DROP FUNCTION f();\n";
        List<SqlSplitter.Section> sections = SqlSplitter.sections(file, "r.sql", "migrate:");
        assertEquals(3, sections.size());
        assertEquals(0, sections.get(0).line());
        assertEquals(List.of(), sections.get(0).statements());
        assertEquals(2, sections.get(1).line());
        assertEquals("upgrade", sections.get(1).marker());
        assertEquals(List.of(3, 6, 12, 13), sections.get(1).statements().stream().map(Statement::line).toList());
        assertEquals("SELECT 2", sections.get(1).statements().get(3).sql());
        assertEquals(14, sections.get(2).line());
        assertEquals("downgrade sqlite", sections.get(2).marker());
        assertEquals(List.of("DROP FUNCTION f()"), sections.get(2).statements().stream().map(Statement::sql).toList());
    }

    @Test
    void aMarkerEndsAnUnclosedBody() {
        List<SqlSplitter.Section> sections = SqlSplitter.sections(
                "-- migrate:upgrade\nCREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;\n-- migrate:downgrade\nSELECT 2;\n",
                "r.sql", "migrate:");
        assertEquals(List.of("SELECT 2"), sections.get(2).statements().stream().map(Statement::sql).toList());
    }

    @Test
    void withoutAMarkerPrefixEveryCommentIsJustAComment() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1;\n-- migrate:downgrade\nSELECT 2;"));
    }

    @Test
    void leadingWordsSkipCommentsAndQuotes() {
        assertEquals(List.of("ALTER", "TYPE", "ADD", "VALUE", "AFTER"),
                SqlSplitter.leadingWords("-- note\nalter /* x */ type \"Mood\" add value 'x' after 'y'"));
        assertEquals(List.of(), SqlSplitter.leadingWords("-- only a comment"));
    }

    @Test
    void crlfLineEndingsCountAsOneLine() {
        assertEquals(List.of(1, 3), lines("SELECT 1;\r\n\r\nSELECT 2;\r\n"));
    }

    @Test
    void unterminatedQuoteReportsTheLineWhereItStarts() {
        UnterminatedSqlException e = assertThrows(UnterminatedSqlException.class,
                () -> SqlSplitter.split("SELECT 1;\nSELECT 'abc;\nSELECT 2;\n", "v/r.sql", 5));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().startsWith("v/r.sql:6: unterminated quoted string"), e.getMessage());
    }

    @Test
    void unterminatedQuotedIdentifier() {
        assertEquals(2, assertThrows(UnterminatedSqlException.class, () -> split("\nSELECT \"abc\n\n")).line());
    }

    @Test
    void unterminatedEscapeStringWhoseLastQuoteIsEscaped() {
        UnterminatedSqlException e = assertThrows(UnterminatedSqlException.class, () -> split("SELECT E'abc\\'"));
        assertTrue(e.getMessage().contains("escape string"), e.getMessage());
    }

    @Test
    void unterminatedDollarBody() {
        UnterminatedSqlException e = assertThrows(UnterminatedSqlException.class,
                () -> split("SELECT 1;\n\nDO $fn$ BEGIN\nEND $$;"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("$fn$"), e.getMessage());
    }

    @Test
    void unterminatedNestedBlockComment() {
        UnterminatedSqlException e = assertThrows(UnterminatedSqlException.class,
                () -> split("SELECT 1;\n/* outer /* inner */\nstill comment;\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("block comment"), e.getMessage());
    }

    @Test
    void lineCommentAtEndOfInputNeedsNoNewline() {
        assertEquals(List.of("SELECT 1"), texts("SELECT 1; -- done"));
    }

    @Test
    void marksStatementsThatCannotRunInATransaction() {
        String[] alone = {
            "CREATE INDEX CONCURRENTLY i ON t (x)",
            "create unique index concurrently i on t (x)",
            "DROP INDEX CONCURRENTLY IF EXISTS i",
            "REINDEX INDEX CONCURRENTLY i",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
            "REINDEX DATABASE app",
            "VACUUM",
            "vacuum (analyze) t",
            "ALTER SYSTEM SET work_mem = '64MB'",
            "CREATE DATABASE app",
            "DROP DATABASE app",
            "CREATE TABLESPACE ts LOCATION '/x'",
            "DROP TABLESPACE ts",
            "-- leading comment\n/* and block */ CREATE /* inner */ INDEX CONCURRENTLY i ON t (x)",
            "CALL refresh_continuous_aggregate('daily', NULL, NULL)",
            "call public.refresh_continuous_aggregate('daily', '2024-01-01', '2024-02-01')",
            "CALL run_job(1000)",
            "CREATE MATERIALIZED VIEW daily WITH (timescaledb.continuous) AS\n"
                    + "SELECT time_bucket('1 day', time) AS day, avg(v) FROM m GROUP BY day",
            "CREATE MATERIALIZED VIEW daily WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS"
                    + " SELECT time_bucket('1 day', time) AS day, avg(v) FROM m GROUP BY day WITH DATA",
        };
        for (String sql : alone) {
            List<Statement> s = split(sql + ";");
            assertEquals(1, s.size(), sql);
            assertTrue(s.get(0).runsAlone(), sql);
        }
    }

    @Test
    void ordinaryStatementsRunInTheTransaction() {
        String[] inTx = {
            "CREATE INDEX i ON t (x)",
            "CREATE INDEX concurrently_idx ON t (x)",
            "DROP INDEX i",
            "REINDEX INDEX i",
            "ALTER TABLE t ADD COLUMN vacuum int",
            "SELECT 'VACUUM'",
            "CREATE TABLE database (x int)",
            "-- VACUUM\nSELECT 1",
            "ALTER TABLE system ADD x int",
            "CREATE MATERIALIZED VIEW daily WITH (timescaledb.continuous) AS\n"
                    + "SELECT time_bucket('1 day', time) AS day, avg(v) FROM m GROUP BY day\nWITH NO DATA",
            "CREATE MATERIALIZED VIEW mv AS SELECT 1",
            "CREATE MATERIALIZED VIEW mv AS SELECT 'timescaledb.continuous' AS note",
            "CALL my_procedure(1)",
            "SELECT refresh_continuous_aggregate_status()",
        };
        for (String sql : inTx) {
            List<Statement> s = split(sql + ";");
            assertEquals(1, s.size(), sql);
            assertFalse(s.get(0).runsAlone(), sql);
        }
    }

    @Test
    void aContinuousAggregateFilledAtCreationRunsAloneButItsNeighboursDoNot() {
        List<Statement> s = split("CREATE MATERIALIZED VIEW d WITH (timescaledb.continuous) AS SELECT 1;\n"
                + "CREATE MATERIALIZED VIEW e WITH (timescaledb.continuous) AS SELECT 1 WITH NO DATA;\nSELECT 1;");
        assertEquals(List.of(true, false, false), s.stream().map(Statement::runsAlone).collect(Collectors.toList()));
    }

    @Test
    void runsAloneIsJudgedPerStatement() {
        List<Statement> s = split("CREATE TABLE t (x int);\nCREATE INDEX CONCURRENTLY i ON t (x);\nSELECT 1;");
        assertEquals(List.of(false, true, false), s.stream().map(Statement::runsAlone).collect(Collectors.toList()));
    }
}
