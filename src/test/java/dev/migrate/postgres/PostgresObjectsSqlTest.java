package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.Operation;
import dev.migrate.revision.YamlBody;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.Statement;
import dev.migrate.yaml.YamlReader;

/** The exact PostgreSQL SQL of the enum, extension and view operations. */
class PostgresObjectsSqlTest {
    private static List<Statement> statements(List<Operation> operations) {
        List<Statement> out = new ArrayList<>();
        for (Operation op : operations) out.addAll(PostgresDialect.INSTANCE.render(op));
        return out;
    }

    private static List<Operation> parse(String yaml) {
        return OperationParser.parse(YamlReader.read(yaml, "v1.yaml"));
    }

    static List<String> sql(String yaml) {
        return statements(parse(yaml)).stream().map(Statement::sql).toList();
    }

    private static List<String> downSql(String yaml) {
        return statements(YamlBody.invert(parse(yaml))).stream().map(Statement::sql).toList();
    }

    @Test
    void enumTypeOperations() {
        assertEquals(List.of("CREATE TYPE mood AS ENUM ('happy', 'it''s')", "CREATE TYPE app.mood AS ENUM ('a')",
                "DROP TYPE mood", "DROP TYPE IF EXISTS app.\"Mood\"",
                "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok' AFTER 'happy'", "ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy'",
                "ALTER TYPE mood ADD VALUE 'last'", "ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy'"), sql("""
                - create_enum: {name: mood, values: [happy, "it's"]}
                - create_enum: {name: mood, schema: app, values: [a]}
                - drop_enum: {name: mood}
                - drop_enum: {name: Mood, schema: app, if_exists: true}
                - add_enum_value: {name: mood, value: ok, after: happy, if_not_exists: true}
                - add_enum_value: {name: mood, value: ok, before: happy}
                - add_enum_value: {name: mood, value: last}
                - rename_enum_value: {name: mood, value: sad, new_value: unhappy}
                """));
    }

    /**
     * The catalog queries of the two blocks are the same text for every type, and
     * PostgresObjectsDatabaseTest runs them against what uses a type; what is checked here is
     * what the operation puts into them: the type, the values kept, the messages, and the order
     * of the steps.
     */
    @Test
    void replaceEnumValuesChecksThenReplacesTheTypeAndWhatUsesItInOneBlock() {
        List<String> sql = sql("- replace_enum_values: {name: mood, values: [happy, \"it's\"]}");
        assertEquals(2, sql.size());
        String check = sql.get(0);
        String replace = sql.get(1);
        for (String block : sql) {
            assertTrue(block.startsWith("DO $migrate$\nDECLARE\n"), block);
            assertTrue(block.endsWith("\nEND\n$migrate$"), block);
            assertEquals(List.of(block), SqlSplitter.split(block, "x", 1).stream().map(Statement::sql).toList(),
                    "one statement");
        }
        String prefix = "RAISE EXCEPTION 'v1.yaml:1: replace_enum_values cannot change enum mood: ";
        assertInOrder(check, prefix + "it is used by %;", prefix + "generated columns % use it",
                prefix + "columns % partition their tables", prefix + "% row(s) of table % hold values it removes");
        assertEquals(2, occurrences(check, "ARRAY['happy', 'it''s']::text[]"), check);
        assertFalse(check.contains("mood_old"), check);
        assertFalse(check.contains("ALTER TYPE"), check);
        assertInOrder(replace, "EXECUTE dep.drop_it;", "DROP DEFAULT",
                "\n    ALTER TYPE mood RENAME TO mood_old;\n    CREATE TYPE mood AS ENUM ('happy', 'it''s');\n",
                "WHERE t.oid = 'mood_old'::regtype", "TYPE %s USING %I::text::%s',\n                col.tbl, col.name, 'mood', col.name, 'mood');",
                "EXECUTE restore[i];", prefix + "% cannot be created again with the new values: %'",
                "\n    DROP TYPE mood_old;\nEND\n");
    }

    private static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            assertTrue(at >= 0, "missing after offset " + from + ": " + part + "\n" + text);
            from = at + part.length();
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }

    @Test
    void replaceEnumValuesInASchemaKeepsTheOldTypeThereAndEscapesTheMessage() {
        List<String> sql = statements(OperationParser.parse(YamlReader.read(
                "- replace_enum_values: {name: Mood, schema: app, values: [a]}", "100%_v1.yaml")))
                .stream().map(Statement::sql).toList();
        assertTrue(sql.get(1).contains("""
                    ALTER TYPE app."Mood" RENAME TO "Mood_old";
                    CREATE TYPE app."Mood" AS ENUM ('a');
                """), sql.get(1));
        assertTrue(sql.get(1).contains("    DROP TYPE app.\"Mood_old\";\n"), sql.get(1));
        assertTrue(sql.get(0).contains("RAISE EXCEPTION '100%%_v1.yaml:1: replace_enum_values cannot change"
                + " enum app.\"Mood\": % row(s)"), sql.get(0));
        assertTrue(sql.get(1).contains("WHERE t.oid = 'app.\"Mood_old\"'::regtype"), sql.get(1));
    }

    @Test
    void enumColumnsCreateTheirTypeWhenMissingAndDropItWhenUnused() {
        String create = """
                DO $migrate$
                BEGIN
                    IF to_regtype('mood') IS NULL THEN
                        CREATE TYPE mood AS ENUM ('happy', 'sad');
                    END IF;
                END
                $migrate$""";
        String yaml = """
                - create_table:
                    table: t
                    columns:
                      - {name: m, type: enum(mood), values: [happy, sad], server_default: happy}
                      - {name: n, type: enum(mood), values: [happy, sad]}
                      - {name: o, type: enum(other)}
                - add_column: {table: t, column: {name: x, type: enum(app.Kind), values: [a, bb]}}
                """;
        assertEquals(List.of(create, "CREATE TABLE t (\n    m mood DEFAULT 'happy',\n    n mood,\n    o other\n)", """
                DO $migrate$
                BEGIN
                    IF to_regtype('app."Kind"') IS NULL THEN
                        CREATE TYPE app."Kind" AS ENUM ('a', 'bb');
                    END IF;
                END
                $migrate$""", "ALTER TABLE t ADD COLUMN x app.\"Kind\""), sql(yaml));
        assertEquals(List.of("ALTER TABLE t DROP COLUMN x", """
                DO $migrate$
                BEGIN
                    DROP TYPE IF EXISTS app."Kind";
                EXCEPTION WHEN dependent_objects_still_exist THEN
                    NULL;
                END
                $migrate$""", "DROP TABLE t", """
                DO $migrate$
                BEGIN
                    DROP TYPE IF EXISTS mood;
                EXCEPTION WHEN dependent_objects_still_exist THEN
                    NULL;
                END
                $migrate$"""), downSql(yaml));
        assertEquals(List.of("DROP TABLE t"), sql("- drop_table: {table: t, columns: [{name: o, type: enum(other)}]}"));
    }

    @Test
    void aDollarQuoteTagInsideABlockIsAvoided() {
        List<String> sql = sql("- create_table: {table: t, columns: [{name: m, type: enum(e), values: [a$migrate$b]}]}");
        assertTrue(sql.get(0).startsWith("DO $migrate_1$\n"), sql.get(0));
        assertTrue(sql.get(0).endsWith("\n$migrate_1$"), sql.get(0));
    }

    @Test
    void extensions() {
        assertEquals(List.of("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" SCHEMA ext VERSION '1.1'",
                "CREATE EXTENSION citext", "DROP EXTENSION IF EXISTS citext CASCADE", "DROP EXTENSION pgcrypto"), sql("""
                - create_extension: {name: uuid-ossp, schema: ext, version: "1.1"}
                - create_extension: {name: citext, if_not_exists: false}
                - drop_extension: {name: citext, if_exists: true, cascade: true}
                - drop_extension: {name: pgcrypto}
                """));
    }

    @Test
    void viewsAndMaterializedViews() {
        assertEquals(List.of("CREATE VIEW v AS\nSELECT 1 AS one", "CREATE OR REPLACE VIEW v AS\nSELECT 2 AS two",
                "CREATE MATERIALIZED VIEW mv AS\nSELECT 1 AS one", "CREATE MATERIALIZED VIEW mv2 AS\nSELECT 1 AS one\nWITH NO DATA",
                "DROP MATERIALIZED VIEW IF EXISTS mv", "DROP VIEW \"Order\""), sql("""
                - create_view: {name: v, query: "SELECT 1 AS one;"}
                - create_view: {name: v, or_replace: true, query: SELECT 2 AS two}
                - create_view: {name: mv, materialized: true, query: SELECT 1 AS one}
                - create_view:
                    name: mv2
                    materialized: true
                    with_data: false
                    query: |
                      SELECT 1 AS one
                - drop_view: {name: mv, materialized: true, if_exists: true}
                - drop_view: {name: Order}
                """));
    }

    @Test
    void dialectRestrictedOperationsRunOnlyOnTheirDialect() {
        List<Statement> out = statements(parse("""
                - create_extension: {name: citext, dialect: postgresql}
                - create_view: {name: v, query: SELECT 1, dialect: sqlite}
                """));
        assertEquals(List.of("CREATE EXTENSION IF NOT EXISTS citext"), out.stream().map(Statement::sql).toList());
        assertFalse(out.get(0).runsAlone());
    }
}
