package dev.migrate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;

class XArgsTest {

    @Test
    void parsesPairsInOrder() {
        Map<String, String> x = XArgs.parse(List.of("tenant=acme", "data.dir=/tmp/x", "empty=", "expr=a=b"));
        assertEquals(List.of("tenant", "data.dir", "empty", "expr"), List.copyOf(x.keySet()));
        assertEquals("acme", x.get("tenant"));
        assertEquals("", x.get("empty"));
        assertEquals("a=b", x.get("expr"));
    }

    @Test
    void lastValueWins() {
        assertEquals(Map.of("k", "2"), XArgs.parse(List.of("k=1", "k=2")));
    }

    @Test
    void noPairsIsEmpty() {
        assertEquals(Map.of(), XArgs.parse(List.of()));
    }

    @Test
    void badFormIsUsageError() {
        for (String bad : new String[] {"novalue", "=v", "1k=v", "a b=c"}) {
            MigrateException e = assertThrows(MigrateException.class, () -> XArgs.parse(List.of(bad)), bad);
            assertEquals(2, e.exitCode());
        }
    }
}
