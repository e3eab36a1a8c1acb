package dev.migrate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlTypesTest {
    private static String portable(String sql) {
        return SqlTypes.portable(sql).toString();
    }

    @Test
    void spellingsOfOneTypeAreOnePortableType() {
        assertEquals("integer", portable("int4"));
        assertEquals("integer", portable("INTEGER"));
        assertEquals("bigint", portable("int8"));
        assertEquals("smallint", portable("int2"));
        assertEquals("string(20)", portable("character varying(20)"));
        assertEquals("string(20)", portable("VARCHAR( 20 )"));
        assertEquals("string", portable("character varying"));
        assertEquals("timestamptz", portable("timestamp with time zone"));
        assertEquals("timestamp", portable("timestamp without time zone"));
        assertEquals("timestamp", portable("DATETIME"));
        assertEquals("time", portable("time without time zone"));
        assertEquals("numeric(10,2)", portable("numeric(10,2)"));
        assertEquals("numeric(10,2)", portable("DECIMAL(10, 2)"));
        assertEquals("numeric", portable("numeric"));
        assertEquals("float", portable("real"));
        assertEquals("double", portable("double precision"));
        assertEquals("double", portable("float8"));
        assertEquals("bytes", portable("bytea"));
        assertEquals("bytes", portable("BLOB"));
        assertEquals("boolean", portable("bool"));
        assertEquals("array(text)", portable("text[]"));
        assertEquals("array(string(5))", portable("character varying(5)[]"));
    }

    @Test
    void whatNoPortableNameCoversStaysSql() {
        assertEquals("sql(character(3))", portable("character(3)"));
        assertEquals("sql(citext)", portable("citext"));
        assertEquals("sql(time with time zone)", portable("time with time zone"));
        assertEquals("sql(timestamp(3) with time zone)", portable("timestamp(3) with time zone"));
        assertEquals("array(sql(citext))", portable("citext[]"));
    }
}
