package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.sql.SqlLexer;

/**
 * SQLite's schema text as tokens, enough to take its own SQL apart without losing anything:
 * words, quoted identifiers ({@code "x"}, {@code `x`}, {@code [x]}), string and blob literals,
 * numbers and punctuation, read by {@link SqlLexer} with SQLite's rules. Comments and white space
 * are skipped, but every token keeps its place in the text, so a definition can be cut out of a
 * statement exactly as it was written. The one reader of SQLite text for the dialect's rebuilds,
 * the offline schema model and inspect.
 */
public final class SqlTokens {
    public enum Type { WORD, QUOTED, STRING, BLOB, NUMBER, SYMBOL }

    /** One token: {@code text} is {@code source.substring(start, end)}. */
    public record Token(Type type, String text, int start, int end) {
        /** Whether this is the bare word {@code word}, in any case. */
        public boolean is(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        public boolean isSymbol(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        /** A word or a quoted name: something that can name a column or table. */
        public boolean isIdentifier() {
            return type == Type.WORD || type == Type.QUOTED;
        }

        /**
         * The identifier this token names, quotes removed ({@code "a""b"} is {@code a"b}); SQLite
         * also takes a string literal where it expects a name ({@code CREATE TABLE 't' (...)}).
         */
        public String identifier() {
            return type == Type.QUOTED || type == Type.STRING ? unquoted() : text;
        }

        /** The value of a string literal, quotes removed ({@code 'it''s'} is {@code it's}). */
        public String value() {
            return identifier();
        }

        /** Whether this token names {@code name}; SQLite compares identifiers without regard to ASCII case. */
        public boolean names(String name) {
            return isIdentifier() && identifier().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        }

        private String unquoted() {
            char q = text.charAt(0);
            String inner = text.substring(1, Math.max(1, text.length() - 1));
            return q == '[' ? inner : inner.replace(String.valueOf(q) + q, String.valueOf(q));
        }
    }

    /**
     * SQLite's rules: {@code [name]} and {@code x'...'} blobs; {@code $} is a word character; block
     * comments do not nest; a number runs on into the letters after it.
     */
    public static final SqlLexer.Rules SQLITE = new SqlLexer.Rules(false, false, false, true, true, true);

    private SqlTokens() {
    }

    /** The tokens of {@code sql}. An unterminated quote or comment runs to the end of the text. */
    public static List<Token> of(String sql) {
        List<Token> out = new ArrayList<>();
        for (SqlLexer.Token t : SqlLexer.tokens(sql, SQLITE)) {
            if (t.isBlank()) continue;
            out.add(new Token(type(t.kind()), t.text(sql), t.start(), t.end()));
        }
        return out;
    }

    private static Type type(SqlLexer.Kind kind) {
        return switch (kind) {
            case WORD -> Type.WORD;
            case QUOTED -> Type.QUOTED;
            case STRING -> Type.STRING;
            case BLOB -> Type.BLOB;
            case NUMBER -> Type.NUMBER;
            default -> Type.SYMBOL; // SQLite's rules make no dollar-quoted bodies nor E'...' strings
        };
    }

    /** The index of the token closing the parenthesis opened at {@code open}, or -1. */
    public static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) depth++;
            if (tokens.get(i).isSymbol(")") && --depth == 0) return i;
        }
        return -1;
    }

    /** The text inside the first parentheses of {@code sql}, as written, or null when there are none. */
    public static String parenthesised(String sql) {
        List<Token> tokens = of(sql);
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol("(")) open++;
        if (open == tokens.size()) return null;
        int close = closing(tokens, open);
        return sql.substring(tokens.get(open).end(), close < 0 ? sql.length() : tokens.get(close).start()).strip();
    }

    /** The tokens between {@code from} and {@code to} (exclusive), split at the commas outside parentheses. */
    public static List<List<Token>> split(List<Token> tokens, int from, int to) {
        List<List<Token>> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) depth++;
            if (t.isSymbol(")")) depth--;
            if (depth == 0 && t.isSymbol(",")) {
                out.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        if (start < to) out.add(tokens.subList(start, to));
        return out;
    }

    /** Whether any token names {@code name}. */
    public static boolean mentions(List<Token> tokens, String name) {
        for (Token t : tokens) if (t.names(name)) return true;
        return false;
    }
}
