package dev.migrate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        for (String bad : new String[] {"s3cret", "=s3cret", "1k=s3cret", "a b=s3cret"}) {
            MigrateException e = assertThrows(MigrateException.class, () -> XArgs.parse(List.of(bad)), bad);
            assertEquals(2, e.exitCode());
            assertFalse(e.getMessage().contains("s3cret"), "a -x value may be a secret: " + e.getMessage());
        }
        assertTrue(assertThrows(MigrateException.class, () -> XArgs.parse(List.of("a b=s3cret"))).getMessage().contains("'a b'"));
    }
}
