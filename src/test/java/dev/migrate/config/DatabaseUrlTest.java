package dev.migrate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Masking, which every URL shares, parsed or too broken to parse. */
class DatabaseUrlTest {
    @Test
    void maskHidesAnythingThatMayBeAPassword() {
        assertEquals("postgresql://u:***@h/db", DatabaseUrl.mask("postgresql://u:pw@h/db"));
        assertEquals("postgresql://u:***@h/db", DatabaseUrl.mask("postgresql://u:p@w@h/db"));
        assertEquals("postgresql://u@h:5432/db", DatabaseUrl.mask("postgresql://u@h:5432/db"));
        assertEquals("postgresql://h:5432/db", DatabaseUrl.mask("postgresql://h:5432/db"));
        assertEquals("postgresql://u:***/db", DatabaseUrl.mask("postgresql://u:pw/db"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=1",
                DatabaseUrl.mask("jdbc:postgresql://h/db?user=u&password=pw&ssl=1"));
        assertEquals("sqlite:///app.db", DatabaseUrl.mask("sqlite:///app.db"));
        assertNull(DatabaseUrl.mask(null));
    }
}
