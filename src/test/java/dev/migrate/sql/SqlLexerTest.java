package dev.migrate.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.sql.SqlLexer.Kind;
import dev.migrate.sql.SqlLexer.Rules;
import dev.migrate.sql.SqlLexer.Token;
import dev.migrate.sqlite.SqlTokens;

/** Where quotes, bodies and comments start and end, by psql's rules and by SQLite's. */
class SqlLexerTest {
    private static final Rules SQLITE = SqlTokens.SQLITE;

    /** The tokens other than white space, as kind:text. */
    private static List<String> tokens(String sql, Rules rules) {
        return SqlLexer.tokens(sql, rules).stream().filter(t -> t.kind() != Kind.SPACE)
                .map(t -> t.kind() + ":" + t.text(sql)).toList();
    }

    private static List<String> psql(String sql) {
        return tokens(sql, SqlLexer.PSQL);
    }

    private static Token last(String sql, Rules rules) {
        List<Token> all = SqlLexer.tokens(sql, rules);
        return all.get(all.size() - 1);
    }

    @Test
    void everyCharacterIsInExactlyOneTokenInOrder() {
        String sql = "SELECT 'a;b', \"c\", $$d$$ -- e\n/* f */ g;";
        int at = 0;
        for (Token t : SqlLexer.tokens(sql, SqlLexer.PSQL)) {
            assertEquals(at, t.start());
            assertTrue(t.end() > t.start());
            at = t.end();
        }
        assertEquals(sql.length(), at);
    }

    @Test
    void quotesHoldWhatWouldOtherwiseBeCode() {
        assertEquals(List.of("WORD:SELECT", "STRING:'a;(b'", "SYMBOL:,", "QUOTED:\"c)--d\"", "SYMBOL:,", "QUOTED:`e/*`"),
                psql("SELECT 'a;(b', \"c)--d\", `e/*`"));
    }

    @Test
    void aDoubledQuoteStandsForItselfInsideItsQuotes() {
        assertEquals(List.of("STRING:'it''s'", "QUOTED:\"a\"\"b\"", "QUOTED:`c``d`", "STRING:''", "STRING:''''"),
                psql("'it''s' \"a\"\"b\" `c``d` '' ''''"));
        assertEquals(List.of("STRING:'a'", "STRING:'b'"), psql("'a' 'b'"), "quotes apart are two strings");
    }

    @Test
    void anEscapeStringTakesBackslashesOnlyAfterTheWordE() {
        assertEquals(List.of("WORD:E", "ESCAPE_STRING:'it\\'s'", "SYMBOL:;"), psql("E'it\\'s';"));
        assertEquals(List.of("WORD:e", "ESCAPE_STRING:'\\\\'", "STRING:'x'"), psql("e'\\\\' 'x'"));
        assertEquals(List.of("STRING:'a\\'", "WORD:s"), psql("'a\\'s"), "a plain string ends at the quote after a backslash");
        assertEquals(List.of("WORD:xE", "STRING:'a\\'", "WORD:b"), psql("xE'a\\'b"), "E that ends a longer word is no prefix");
        assertEquals(List.of("WORD:E", "STRING:'a\\'", "WORD:b"), tokens("E'a\\'b", SQLITE), "SQLite has no escape strings");
    }

    @Test
    void lineCommentsRunToTheEndOfTheLineAndBlockCommentsToTheirClose() {
        assertEquals(List.of("WORD:a", "LINE_COMMENT:-- b; 'c", "WORD:d"), psql("a -- b; 'c\nd"));
        assertEquals(List.of("WORD:a", "BLOCK_COMMENT:/* b\n; */", "WORD:c"), psql("a /* b\n; */ c"));
        assertEquals(List.of("SYMBOL:-", "NUMBER:1"), psql("- 1"));
        assertEquals(List.of("STRING:'--'", "QUOTED:\"/*\""), psql("'--' \"/*\""), "comment marks in quotes are text");
    }

    @Test
    void psqlNestsBlockCommentsAndSqliteDoesNot() {
        String sql = "/* a /* b */ c */ d";
        assertEquals(List.of("BLOCK_COMMENT:/* a /* b */ c */", "WORD:d"), psql(sql));
        assertEquals(List.of("BLOCK_COMMENT:/* a /* b */", "WORD:c", "SYMBOL:*", "SYMBOL:/", "WORD:d"), tokens(sql, SQLITE));
    }

    @Test
    void dollarQuotesCloseOnlyAtTheSameTag() {
        assertEquals(List.of("WORD:DO", "DOLLAR_QUOTED:$$ BEGIN 'x; END $$", "SYMBOL:;"), psql("DO $$ BEGIN 'x; END $$;"));
        assertEquals(List.of("DOLLAR_QUOTED:$f$ $$; $g$ $f$", "WORD:x"), psql("$f$ $$; $g$ $f$ x"));
        assertEquals(List.of("DOLLAR_QUOTED:$_1$a$_1$"), psql("$_1$a$_1$"));
        Token body = SqlLexer.tokens("$body$ x $body$", SqlLexer.PSQL).get(0);
        assertEquals("$body$", SqlLexer.dollarTag("$body$ x $body$", body));
    }

    @Test
    void aDollarThatOpensNoBodyIsAParameterOrPartOfAName() {
        assertEquals(List.of("WORD:SELECT", "SYMBOL:$", "NUMBER:1", "SYMBOL:,", "WORD:a$b$c"), psql("SELECT $1, a$b$c"));
        assertEquals(List.of("NUMBER:1", "SYMBOL:$", "WORD:a$"), psql("1$a$"), "after a digit a dollar opens nothing");
        assertEquals(List.of("WORD:$a$", "WORD:b"), tokens("$a$ b", SQLITE), "SQLite has no dollar quotes");
    }

    @Test
    void unterminatedInputRunsToTheEndMarkedSo() {
        for (String sql : List.of("x 'abc", "x \"abc", "x `abc", "x E'ab\\'", "x /* a", "x /* a /* b */", "x $t$ a $t",
                "x 'it''")) {
            Token t = last(sql, SqlLexer.PSQL);
            assertEquals(sql.length(), t.end(), sql);
            assertFalse(t.terminated(), sql);
            assertEquals(sql.startsWith("x E") ? 3 : 2, t.start(), sql);
        }
        assertFalse(last("E'ends in a backslash\\", SqlLexer.PSQL).terminated());
        for (String sql : List.of("x [abc", "x x'00", "x /* a")) {
            Token t = last(sql, SQLITE);
            assertEquals(2, t.start(), sql);
            assertFalse(t.terminated(), sql);
        }
        assertTrue(last("x -- no line break", SqlLexer.PSQL).terminated(), "a line comment may end the text");
        assertTrue(last("x $", SqlLexer.PSQL).terminated(), "a lone dollar opens nothing");
    }

    @Test
    void sqliteNamesBlobsAndNumbers() {
        assertEquals(List.of("QUOTED:[a b]", "BLOB:x'00ff'", "NUMBER:0x1F", "NUMBER:1e+5", "NUMBER:.5", "NUMBER:1abc"),
                tokens("[a b] x'00ff' 0x1F 1e+5 .5 1abc", SQLITE));
        assertEquals(List.of("SYMBOL:[", "WORD:a", "SYMBOL:]", "WORD:x", "STRING:'00'", "NUMBER:1e+5", "NUMBER:1", "WORD:abc"),
                psql("[a] x'00' 1e+5 1abc"));
    }

    @Test
    void wordsAndOperators() {
        assertEquals(List.of("WORD:_a1", "SYMBOL:||", "WORD:été", "SYMBOL:<>", "SYMBOL:->", "SYMBOL:(", "SYMBOL:)"),
                psql("_a1 || été <> -> ()"));
    }
}
