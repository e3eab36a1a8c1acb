package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.sqlite.SqlTokens.Token;
import dev.migrate.sqlite.SqlTokens.Type;

/** The one reader of SQLite text: what the rebuilds, the offline schema model and inspect rely on. */
class SqlTokensTest {
    @Test
    void everyQuotingStyleNamesAnIdentifierAndKeepsItsPlaceInTheText() {
        String sql = "create TABLE \"a\"\"b\" (`c``d` INT, [e f] TEXT DEFAULT 'it''s', g BLOB DEFAULT x'00')";
        List<Token> t = SqlTokens.of(sql);
        assertTrue(t.get(0).is("CREATE"));
        assertTrue(t.get(1).is("table"));
        assertEquals(List.of("a\"b", "c`d", "e f"), List.of(t.get(2).identifier(), t.get(4).identifier(), t.get(7).identifier()));
        assertTrue(t.get(7).names("E F"));
        Token string = t.get(10);
        assertEquals(Type.STRING, string.type());
        assertEquals("it's", string.value());
        assertEquals("'it''s'", sql.substring(string.start(), string.end()));
        assertEquals(Type.BLOB, t.get(15).type(), "a blob literal is not a string");
        assertFalse(t.get(2).is("a\"b"), "a quoted name is never a keyword");
    }

    @Test
    void commentsAreSkippedAndParenthesesNest() {
        String sql = "CHECK (a IN (1, 2) -- not ) this\n AND /* nor ( this */ b > (3))";
        List<Token> t = SqlTokens.of(sql);
        assertEquals(t.size() - 1, SqlTokens.closing(t, 1));
        assertEquals("a IN (1, 2) -- not ) this\n AND /* nor ( this */ b > (3)", SqlTokens.parenthesised(sql));
        assertNull(SqlTokens.parenthesised("NOT NULL"));
        List<Token> items = SqlTokens.of("(a, f(b, c), 'x,y')");
        assertEquals(3, SqlTokens.split(items, 1, items.size() - 1).size());
    }

    @Test
    void numbersKeepTheirExponentAndOperatorsTheirTwoCharacters() {
        List<Token> t = SqlTokens.of("1.5e-3 || a->b <> .5");
        assertEquals(List.of("1.5e-3", "||", "a", "->", "b", "<>", ".5"), t.stream().map(Token::text).toList());
        assertEquals(Type.NUMBER, t.get(6).type());
    }
}
