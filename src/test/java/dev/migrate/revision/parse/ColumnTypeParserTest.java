package dev.migrate.revision.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.ColumnType;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.YamlReader;

class ColumnTypeParserTest {
    private static ColumnType parse(String text) {
        return ColumnTypeParser.parse(YamlReader.read("type: '" + text + "'", "v1.yaml").get("type"));
    }

    @Test
    void parsesEveryPortableName() {
        for (String name : new String[] {"uuid", "json", "jsonb", "text", "boolean", "smallint", "integer", "bigint",
                "identity", "bigidentity", "float", "double", "date", "time", "timestamp", "timestamptz", "interval",
                "bytes"}) {
            assertEquals(name, parse(name).toString());
            assertEquals(name, parse(name).kind().spelling());
        }
    }

    @Test
    void parsesArguments() {
        assertEquals(new ColumnType(ColumnType.Kind.STRING, 50, null, null, null, null), parse("string(50)"));
        assertEquals(new ColumnType(ColumnType.Kind.NUMERIC, null, 10, 2, null, null), parse("numeric( 10, 2 )"));
        assertEquals(new ColumnType(ColumnType.Kind.NUMERIC, null, 5, null, null, null), parse("numeric(5)"));
        assertEquals(ColumnType.Kind.ARRAY, parse("array(string(20))").kind());
        assertEquals("string(20)", parse("array(string(20))").element().toString());
        assertEquals("varchar(3) COLLATE \"C\"", parse("sql(varchar(3) COLLATE \"C\")").argument());
        assertEquals("mood", parse("ENUM(mood)").argument());
        assertEquals("numeric(10,2)", parse("numeric(10, 2)").toString());
    }

    @Test
    void unknownTypeNamesFileLineAndTheValidNames() {
        Node node = YamlReader.read("a: 1\ntype: strng(50)\n", "v1.yaml").get("type");
        UnknownColumnType e = assertThrows(UnknownColumnType.class, () -> ColumnTypeParser.parse(node));
        assertEquals("v1.yaml:2: unknown column type 'strng(50)' (expected one of: uuid, json, jsonb, string(n), text,"
                + " boolean, smallint, integer, bigint, identity, bigidentity, numeric(p,s), float, double, date, time,"
                + " timestamp, timestamptz, interval, bytes, array(T), sql(...), enum(NAME))", e.getMessage());
        for (String bad : new String[] {"string(x)", "string(-1)", "numeric(1,2,3)", "array()", "sql()", "text(5)",
                "string(5", "enum"}) {
            assertThrows(UnknownColumnType.class, () -> parse(bad), bad);
        }
    }
}
