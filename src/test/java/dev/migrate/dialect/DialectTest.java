package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.ops.Operation;
import dev.migrate.postgres.PostgresDialect;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.Statement;
import dev.migrate.sql.UnknownDialect;
import dev.migrate.sqlite.SqliteDialect;
import dev.migrate.yaml.YamlReader;

class DialectTest {
    private final Dialect pg = Flavors.dialect("postgresql");
    private final Dialect sqlite = Flavors.dialect("sqlite");

    @Test
    void namedReturnsTheSingletons() {
        assertSame(PostgresDialect.INSTANCE, pg);
        assertSame(PostgresDialect.INSTANCE, Flavors.dialect("postgres"));
        assertSame(SqliteDialect.INSTANCE, sqlite);
        assertSame(SqliteDialect.INSTANCE, Flavors.dialect("SQLite"));
        assertEquals("postgresql", pg.name());
        assertEquals("sqlite", sqlite.name());
    }

    @Test
    void unknownDialectNamesTheValidOnes() {
        UnknownDialect e = assertThrows(UnknownDialect.class, () -> Flavors.dialect("mysql"));
        assertEquals("unknown dialect 'mysql' (expected one of: postgresql, sqlite)", e.getMessage());
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertEquals("devices", pg.quote("devices"));
        assertEquals("_tmp_2", pg.quote("_tmp_2"));
        assertEquals("\"user\"", pg.quote("user"));
        assertEquals("\"order\"", pg.quote("order"));
        assertEquals("\"Devices\"", pg.quote("Devices"));
        assertEquals("\"my table\"", pg.quote("my table"));
        assertEquals("\"2fa\"", pg.quote("2fa"));
        assertEquals("\"say \"\"hi\"\"\"", pg.quote("say \"hi\""));
        assertEquals("user", sqlite.quote("user"));
        assertEquals("\"key\"", sqlite.quote("key"));
        assertEquals("\"index\"", sqlite.quote("index"));
        assertEquals("\"Devices\"", sqlite.quote("Devices"));
    }

    @Test
    void literals() {
        assertEquals("NULL", pg.literal(null));
        assertEquals("TRUE", pg.literal(true));
        assertEquals("FALSE", pg.literal(false));
        assertEquals("1", sqlite.literal(true));
        assertEquals("0", sqlite.literal(false));
        assertEquals("42", pg.literal(42L));
        assertEquals("0.000001", pg.literal(new BigDecimal("1E-6")));
        assertEquals("'it''s'", pg.literal("it's"));
        assertEquals("'back\\slash'", sqlite.literal("back\\slash"));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", List.of(1L, "x\ny"));
        map.put("b", null);
        assertEquals("'{\"a\": [1, \"x\\ny\"], \"b\": null}'", pg.literal(map));
    }

    private static List<Statement> render(Dialect dialect, String yaml) {
        List<Statement> out = new java.util.ArrayList<>();
        for (Operation op : OperationParser.parse(YamlReader.read(yaml, "v1.yaml"))) out.addAll(dialect.render(op));
        return out;
    }

    @Test
    void executeIsSplitIntoStatementsEachWithItsLineAndTransactionNeeds() {
        String yaml = """
                - execute: "UPDATE t SET a = 1; UPDATE t SET b = 'x;y';"
                - execute: |
                    CREATE TABLE u (begin INT);

                    CREATE INDEX CONCURRENTLY ix_u ON u (begin);
                    -- a comment only;
                - execute:
                    postgresql: |
                      VACUUM u;
                      SELECT 2
                    sqlite: SELECT 3; SELECT 4
                """;
        assertEquals(List.of(
                new Statement("UPDATE t SET a = 1", 1, false), new Statement("UPDATE t SET b = 'x;y'", 1, false),
                new Statement("CREATE TABLE u (begin INT)", 3, false),
                new Statement("CREATE INDEX CONCURRENTLY ix_u ON u (begin)", 5, true),
                new Statement("VACUUM u", 9, true), new Statement("SELECT 2", 10, false)), render(pg, yaml));
        List<Statement> lite = render(sqlite, yaml);
        assertEquals(List.of("SELECT 3", "SELECT 4"), lite.subList(4, 6).stream().map(Statement::sql).toList());
        assertEquals(List.of(11, 11), lite.subList(4, 6).stream().map(Statement::line).toList());
    }

    @Test
    void anExecuteOfOnlyCommentsOrSemicolonsRendersNothing() {
        assertEquals(List.of(), render(pg, "- execute: \"-- nothing\\n;;\"\n"));
    }
}
