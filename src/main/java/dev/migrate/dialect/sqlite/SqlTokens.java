package dev.migrate.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQLite's lexical rules, enough to take the schema's own SQL apart without losing anything:
 * words, quoted identifiers ({@code "x"}, {@code `x`}, {@code [x]}), string and blob literals,
 * numbers and punctuation. Comments and white space are skipped, but every token keeps its place
 * in the text, so a definition can be cut out of a statement exactly as it was written.
 */
final class SqlTokens {
    enum Type { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    /** One token: {@code text} is {@code source.substring(start, end)}. */
    record Token(Type type, String text, int start, int end) {
        /** Whether this is the bare word {@code word}, in any case. */
        boolean is(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        boolean isIdentifier() {
            return type == Type.WORD || type == Type.QUOTED;
        }

        /** The identifier this token names, quotes removed ({@code "a""b"} is {@code a"b}). */
        String identifier() {
            if (type == Type.WORD || type == Type.NUMBER || type == Type.SYMBOL) return text;
            String inner = text.substring(1, text.length() - 1);
            char q = text.charAt(0);
            return q == '[' ? inner : inner.replace(String.valueOf(q) + q, String.valueOf(q));
        }

        /** Whether this token names {@code name}; SQLite compares identifiers without regard to ASCII case. */
        boolean names(String name) {
            return isIdentifier() && identifier().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final Set<String> OPERATORS = Set.of("||", "<=", ">=", "!=", "<>", "==", "<<", ">>", "->");

    private SqlTokens() {
    }

    /** The tokens of {@code sql}. An unterminated quote or comment runs to the end of the text. */
    static List<Token> of(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = add(out, Type.STRING, sql, i, quoted(sql, i, '\''));
            } else if (c == '"' || c == '`') {
                i = add(out, Type.QUOTED, sql, i, quoted(sql, i, c));
            } else if (c == '[') {
                int end = sql.indexOf(']', i);
                i = add(out, Type.QUOTED, sql, i, end < 0 ? n : end + 1);
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                i = add(out, Type.STRING, sql, i, quoted(sql, i + 1, '\''));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                i = add(out, Type.NUMBER, sql, i, number(sql, i));
            } else if (isWordChar(c)) {
                int end = i;
                while (end < n && (isWordChar(sql.charAt(end)) || Character.isDigit(sql.charAt(end)))) end++;
                i = add(out, Type.WORD, sql, i, end);
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                i = add(out, Type.SYMBOL, sql, i, OPERATORS.contains(two) ? i + 2 : i + 1);
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private static int add(List<Token> out, Type type, String sql, int start, int end) {
        out.add(new Token(type, sql.substring(start, end), start, end));
        return end;
    }

    /** The end of a quoted text starting at {@code start}, where a doubled quote stands for itself. */
    private static int quoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int number(String sql, int start) {
        int i = start;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && i > start && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')
                    && !sql.substring(start, i).toLowerCase(Locale.ROOT).startsWith("0x");
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** The index of the token closing the parenthesis opened at {@code open}, or -1. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) depth++;
            if (tokens.get(i).isSymbol(")") && --depth == 0) return i;
        }
        return -1;
    }

    /** Whether any token names {@code name}. */
    static boolean mentions(List<Token> tokens, String name) {
        for (Token t : tokens) if (t.names(name)) return true;
        return false;
    }
}
