package dev.migrate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.yaml.SourceException;

class EnvExpanderTest {
    private final EnvExpander env = new EnvExpander(Map.of("HOST", "db", "EMPTY", "", "PORT", "5433"));

    private String expand(String text) {
        return env.expand(text, "migrate.yaml", 7);
    }

    @Test
    void replacesSetVariables() {
        assertEquals("postgresql://db:5433/app", expand("postgresql://${HOST}:${PORT}/app"));
        assertEquals("plain", expand("plain"));
        assertEquals("", expand(""));
    }

    @Test
    void defaultAppliesWhenUnsetOrEmpty() {
        assertEquals("sqlite:///app.db", expand("${DATABASE_URL:-sqlite:///app.db}"));
        assertEquals("fallback", expand("${EMPTY:-fallback}"));
        assertEquals("db", expand("${HOST:-other}"));
        assertEquals("", expand("${UNSET:-}"));
    }

    @Test
    void defaultMayHoldVariables() {
        assertEquals("db:5433", expand("${UNSET:-${HOST}:${PORT}}"));
        assertEquals("x", expand("${UNSET:-${ALSO_UNSET:-x}}"));
    }

    @Test
    void emptyVariableWithoutDefaultIsEmpty() {
        assertEquals("a-b", expand("a-${EMPTY}b"));
    }

    @Test
    void unsetVariableWithoutDefaultNamesFileLineAndVariable() {
        UnsetVariableException e = assertThrows(UnsetVariableException.class, () -> expand("${NOPE}"));
        assertEquals("NOPE", e.variable());
        assertEquals(7, e.line());
        assertTrue(e.getMessage().startsWith("migrate.yaml:7: "), e.getMessage());
        assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
    }

    @Test
    void doubleDollarIsALiteralDollarAndOtherDollarsStay() {
        assertEquals("${HOST}", expand("$${HOST}"));
        assertEquals("a$b", expand("a$$b"));
        assertEquals("pa$word$1$", expand("pa$word$1$"));
    }

    @Test
    void malformedReferencesAreErrorsThatDoNotQuoteTheText() {
        SourceException e = assertThrows(SourceException.class, () -> expand("postgresql://u:s3cret${HOST@h"));
        assertTrue(e.getMessage().startsWith("migrate.yaml:7: unterminated"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
        SourceException bad = assertThrows(SourceException.class, () -> expand("x${1abc}"));
        assertTrue(bad.getMessage().contains("not a variable reference"), bad.getMessage());
        assertThrows(SourceException.class, () -> expand("${}"));
    }
}
