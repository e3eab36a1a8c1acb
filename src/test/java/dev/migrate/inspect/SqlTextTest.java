package dev.migrate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parentheses around expressions as PostgreSQL prints them: those in quotes do not count. */
class SqlTextTest {
    @Test
    void enclosedOnlyWhenTheFirstParenthesisClosesAtTheLast() {
        assertTrue(SqlText.enclosed(" (a + b) "));
        assertTrue(SqlText.enclosed("((a) + (b))"));
        assertFalse(SqlText.enclosed("(a) + (b)"));
        assertFalse(SqlText.enclosed("a + b"));
        assertFalse(SqlText.enclosed("()x"));
    }

    @Test
    void parenthesesInQuotesDoNotCount() {
        assertTrue(SqlText.enclosed("(')' || \"(\")"));
        assertFalse(SqlText.enclosed("(a) || ')'"));
        assertTrue(SqlText.enclosed("('it''s (' || b)"), "a doubled quote stays inside its string");
        assertFalse(SqlText.enclosed("('unterminated)"));
    }

    @Test
    void unwrapRemovesEveryEnclosingPairAndParenthesizedAddsOne() {
        assertEquals("a + b", SqlText.unwrap("((a + b))"));
        assertEquals("(a) + (b)", SqlText.unwrap("(a) + (b)"));
        assertEquals("(a + b)", SqlText.parenthesized("a + b"));
        assertEquals("(a + b)", SqlText.parenthesized(" (a + b) "));
        assertEquals("((a) + (b))", SqlText.parenthesized("(a) + (b)"));
    }
}
