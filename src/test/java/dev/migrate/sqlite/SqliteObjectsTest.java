package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.dialect.UnsupportedOnDialect;
import dev.migrate.engine.StatementFailed;
import dev.migrate.ops.Operation;
import dev.migrate.revision.YamlBody;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.Statement;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.StatementRunner;
import dev.migrate.yaml.YamlReader;

/** Enums, extensions, views and TimescaleDB operations on SQLite: exact SQL, refusals, and runs on a real file. */
class SqliteObjectsTest {
    private static List<Operation> parse(String yaml) {
        return OperationParser.parse(YamlReader.read(yaml, "v1.yaml"));
    }

    private static List<String> sql(List<Operation> operations) {
        List<String> out = new ArrayList<>();
        for (Operation op : operations) {
            for (Statement s : SqliteDialect.INSTANCE.render(op)) out.add(s.sql());
        }
        return out;
    }

    private static List<Statement> statements(List<Operation> operations) {
        List<Statement> out = new ArrayList<>();
        for (Operation op : operations) out.addAll(SqliteDialect.INSTANCE.render(op));
        return out;
    }

    private static List<String> sql(String yaml) {
        return sql(parse(yaml));
    }

    private static UnsupportedOnDialect failure(String yaml) {
        return assertThrows(UnsupportedOnDialect.class, () -> sql(yaml));
    }

    @Test
    void enumColumnsAreVarcharsWithACheckAndEnumTypesRenderNothing() {
        String yaml = """
                - create_enum: {name: mood, values: [happy, sad]}
                - create_table:
                    table: people
                    columns:
                      - {name: m, type: enum(mood), values: [happy, "it's"], nullable: false, server_default: happy}
                - add_column: {table: people, column: {name: Order, type: enum(app.kind), values: [a, bbb]}}
                """;
        assertEquals(List.of("CREATE TABLE people (\n    m VARCHAR(5) DEFAULT 'happy' NOT NULL CONSTRAINT mood CHECK (m IN"
                + " ('happy', 'it''s'))\n)", "ALTER TABLE people ADD COLUMN \"Order\" VARCHAR(3) CONSTRAINT kind CHECK"
                + " (\"Order\" IN ('a', 'bbb'))"), sql(yaml));
        List<String> down = sql(YamlBody.invert(parse(yaml)));
        assertEquals("-- drop of column Order of table people: written when it runs, from the schema as it is then",
                down.get(1));
        assertEquals("DROP TABLE people", down.get(down.size() - 1));
        assertEquals(List.of(), sql("- drop_enum: {name: mood, if_exists: true}"));
    }

    @Test
    void extensionsMaterializedViewsAndTimescaleFailUnlessRestrictedToPostgresql() {
        assertEquals("v1.yaml:1: operation 'create_extension' cannot run on sqlite: extensions are a PostgreSQL"
                + " feature; write dialect: postgresql on the operation to skip it on sqlite",
                failure("- create_extension: {name: citext}").getMessage());
        assertEquals("v1.yaml:1: operation 'drop_extension' cannot run on sqlite: extensions are a PostgreSQL"
                + " feature; write dialect: postgresql on the operation to skip it on sqlite",
                failure("- drop_extension: {name: citext}").getMessage());
        assertEquals("v1.yaml:1: operation 'create_view' cannot run on sqlite: SQLite has no materialized views;"
                + " write dialect: postgresql on the operation to skip it on sqlite",
                failure("- create_view: {name: v, materialized: true, query: SELECT 1}").getMessage());
        assertEquals("v1.yaml:1: operation 'drop_view' cannot run on sqlite: SQLite has no materialized views;"
                + " write dialect: postgresql on the operation to skip it on sqlite",
                failure("- drop_view: {name: v, materialized: true}").getMessage());
        for (String yaml : List.of("- create_hypertable: {table: m, time_column: t}",
                "- set_chunk_time_interval: {table: m, chunk_time_interval: 1 day}",
                "- enable_compression: {table: m}", "- disable_compression: {table: m}",
                "- add_compression_policy: {table: m, compress_after: 7 days}", "- remove_compression_policy: {table: m}",
                "- add_retention_policy: {table: m, drop_after: 7 days}", "- remove_retention_policy: {table: m}",
                "- create_continuous_aggregate: {name: c, query: SELECT 1}", "- drop_continuous_aggregate: {name: c}",
                "- refresh_continuous_aggregate: {name: c}")) {
            String kind = yaml.substring(2, yaml.indexOf(':'));
            assertEquals("v1.yaml:1: operation '" + kind + "' cannot run on sqlite: it is a TimescaleDB operation;"
                    + " write dialect: postgresql on the operation to skip it on sqlite", failure(yaml).getMessage());
            assertEquals(List.of(), sql(yaml.substring(0, yaml.length() - 1) + ", dialect: postgresql}"));
        }
    }

    @Test
    void viewsAreCreatedAndReplacedByDroppingFirst() {
        assertEquals(List.of("CREATE VIEW v AS\nSELECT 1 AS one", "DROP VIEW IF EXISTS v", "CREATE VIEW v AS\nSELECT 2",
                "DROP VIEW IF EXISTS v", "DROP VIEW \"Order\""), sql("""
                - create_view: {name: v, query: "SELECT 1 AS one;"}
                - create_view: {name: v, or_replace: true, query: SELECT 2}
                - drop_view: {name: v, if_exists: true}
                - drop_view: {name: Order}
                """));
    }

    @Test
    void enumChecksViewsAndSkippedOperationsRunOnARealFile() {
        try (SqliteTestDatabase db = new SqliteTestDatabase()) {
            String yaml = """
                    - create_extension: {name: citext, dialect: postgresql}
                    - create_enum: {name: mood, values: [happy, sad]}
                    - create_table:
                        table: people
                        columns:
                          - {name: id, type: integer, primary_key: true}
                          - {name: m, type: enum(mood), values: [happy, sad], nullable: false, server_default: happy}
                    - add_column: {table: people, column: {name: k, type: enum(kind), values: [a, b]}}
                    - create_view: {name: sad_people, query: "SELECT id FROM people WHERE m = 'sad'"}
                    - create_view: {name: sad_people, or_replace: true, query: "SELECT id, k FROM people WHERE m = 'sad'"}
                    - create_view: {name: totals, materialized: true, query: SELECT 1, dialect: postgresql}
                    - create_hypertable: {table: people, time_column: id, dialect: postgresql}
                    """;
            StatementRunner.run(db, statements(parse(yaml)));
            db.execute("INSERT INTO people (id, k) VALUES (1, 'a')");
            db.execute("INSERT INTO people (id, m) VALUES (2, 'sad')");
            StatementFailed e = assertThrows(StatementFailed.class,
                    () -> db.execute("INSERT INTO people (id, m) VALUES (3, 'angry')"));
            assertTrue(e.getMessage().contains("CHECK constraint failed"), e.getMessage());
            assertThrows(StatementFailed.class, () -> db.execute("INSERT INTO people (id, k) VALUES (4, 'c')"));
            assertEquals(List.of(List.of("1", "happy", "a"), Arrays.asList("2", "sad", null)),
                    db.query("SELECT id, m, k FROM people ORDER BY id"));
            assertEquals(List.of(Arrays.asList("2", null)), db.query("SELECT id, k FROM sad_people"));

            List<Operation> reversible = new ArrayList<>(parse(yaml));
            reversible.remove(7);
            reversible.remove(5);
            StatementRunner.run(db, statements(YamlBody.invert(reversible)));
            assertEquals(List.of(), db.query("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
        }
    }
}
