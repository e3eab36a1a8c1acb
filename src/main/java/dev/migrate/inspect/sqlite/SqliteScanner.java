package dev.migrate.inspect.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQLite SQL text into tokens, the way SQLite reads it: words, quoted names
 * ({@code "x"}, {@code `x`}, {@code [x]}), string literals, numbers and single-character symbols,
 * skipping white space and comments. Each token keeps its place in the text, so an expression can
 * be cut out of the original exactly as it was written.
 */
final class SqliteScanner {
    enum Type { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL }

    /**
     * @param text  a word as written, a quoted name or string without its quotes, or the symbol
     * @param start the offset of its first character in the scanned text
     * @param end   the offset just after its last character
     */
    record Token(Type type, String text, int start, int end) {
        /** Whether this is the (unquoted) keyword {@code keyword}, in any case. */
        boolean is(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(char c) {
            return type == Type.SYMBOL && text.charAt(0) == c;
        }

        /** A word or a quoted name: something that can name a column or table. */
        boolean isName() {
            return type == Type.WORD || type == Type.QUOTED_NAME;
        }
    }

    private SqliteScanner() {
    }

    static List<Token> scan(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n) {
                    if (sql.charAt(i) == c) {
                        if (i + 1 < n && sql.charAt(i + 1) == c) {
                            value.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(sql.charAt(i++));
                }
                out.add(new Token(c == '\'' ? Type.STRING : Type.QUOTED_NAME, value.toString(), start, i));
            } else if (c == '[') {
                int close = sql.indexOf(']', i + 1);
                int end = close < 0 ? n : close + 1;
                out.add(new Token(Type.QUOTED_NAME, sql.substring(i + 1, close < 0 ? n : close), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) i++;
                out.add(new Token(Type.WORD, sql.substring(start, i), start, i));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) i++;
                out.add(new Token(Type.NUMBER, sql.substring(start, i), start, i));
            } else {
                out.add(new Token(Type.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(')) depth++;
            else if (tokens.get(i).isSymbol(')') && --depth == 0) return i;
        }
        return -1;
    }

    /** The tokens between {@code from} and {@code to} (exclusive), split at the commas outside parentheses. */
    static List<List<Token>> split(List<Token> tokens, int from, int to) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(')) depth++;
            if (t.isSymbol(')')) depth--;
            if (depth == 0 && t.isSymbol(',')) {
                out.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }

    /** The text between the parenthesis at {@code open} and the one closing it, as written. */
    static String inside(String sql, List<Token> tokens, int open) {
        int close = closing(tokens, open);
        return sql.substring(tokens.get(open).end(), close < 0 ? sql.length() : tokens.get(close).start()).strip();
    }
}
