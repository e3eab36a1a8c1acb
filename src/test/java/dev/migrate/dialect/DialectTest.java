package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.dialect.sqlite.SqliteDialect;

class DialectTest {
    private final Dialect pg = Dialect.named("postgresql");
    private final Dialect sqlite = Dialect.named("sqlite");

    @Test
    void namedReturnsTheSingletons() {
        assertSame(PostgresDialect.INSTANCE, pg);
        assertSame(PostgresDialect.INSTANCE, Dialect.named("postgres"));
        assertSame(SqliteDialect.INSTANCE, sqlite);
        assertSame(SqliteDialect.INSTANCE, Dialect.named("SQLite"));
        assertEquals("postgresql", pg.name());
        assertEquals("sqlite", sqlite.name());
    }

    @Test
    void unknownDialectNamesTheValidOnes() {
        UnknownDialect e = assertThrows(UnknownDialect.class, () -> Dialect.named("mysql"));
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
}
