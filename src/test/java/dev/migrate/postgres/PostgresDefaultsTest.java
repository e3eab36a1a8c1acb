package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ServerDefault;
import dev.migrate.schema.SqlTypes;

class PostgresDefaultsTest {
    private static ServerDefault of(String expression, String type) {
        return PostgresDefaults.of(expression, SqlTypes.portable(type));
    }

    @Test
    void literalsLoseTheirCastAndTakeTheColumnsType() {
        assertEquals(ServerDefault.literal("it's"), of("'it''s'::character varying", "character varying(10)"));
        assertEquals(ServerDefault.literal(-1L), of("'-1'::integer", "integer"));
        assertEquals(ServerDefault.literal(new BigDecimal("-1.50")), of("'-1.50'::numeric", "numeric(5,2)"));
        assertEquals(ServerDefault.literal("-1"), of("'-1'::text", "text"));
        assertEquals(ServerDefault.literal(0L), of("0", "integer"));
        assertEquals(ServerDefault.literal(Boolean.FALSE), of("false", "boolean"));
        assertEquals(ServerDefault.literal("2020-01-01 00:00:00+00"),
                of("'2020-01-01 00:00:00+00'::timestamp with time zone", "timestamp with time zone"));
        assertEquals(ServerDefault.literal("happy"), of("'happy'::public.mood", "public.mood"));
        assertEquals(ServerDefault.literal("{a,b}"), of("'{a,b}'::text[]", "text[]"));
    }

    @Test
    void knownFunctionsArePortableAndTheRestIsSql() {
        assertEquals(ServerDefault.NOW, of("now()", "timestamp with time zone"));
        assertEquals(ServerDefault.NOW, of("CURRENT_TIMESTAMP", "timestamp without time zone"));
        assertEquals(ServerDefault.UUID, of("gen_random_uuid()", "uuid"));
        assertEquals(ServerDefault.sql("('now'::text)::date"), of("('now'::text)::date", "date"));
        assertEquals(ServerDefault.sql("'a'::text || 'b'::text"), of("'a'::text || 'b'::text", "text"));
        assertEquals(ServerDefault.sql("'1 day'::interval + now()"), of("'1 day'::interval + now()", "timestamp with time zone"));
        assertEquals(ServerDefault.sql("'uuid()'::text"), of("'uuid()'::text", "text"));
        assertNull(of("NULL::character varying", "character varying"));
        assertNull(of(null, "integer"));
    }

    @Test
    void arraysOfTheCatalogAreRead() {
        assertEquals(List.of(), PgArray.parse("{}"));
        assertEquals(List.of("a", "b c", "d,\"e\\f", "NULL"), PgArray.parse("{a,\"b c\",\"d,\\\"e\\\\f\",\"NULL\"}"));
        assertEquals(Arrays.asList("x", null), PgArray.parse("{x,NULL}"));
        assertEquals(List.of(), PgArray.parse(null));
        assertEquals(ColumnType.Kind.ARRAY, SqlTypes.portable("mood[]").kind());
    }
}
