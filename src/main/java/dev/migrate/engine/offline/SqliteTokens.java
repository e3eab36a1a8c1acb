package dev.migrate.engine.offline;

import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's lexical tokens of one statement, with their offsets in the text, for the schema model:
 * enough to find names and clauses and to edit the text the way SQLite edits its stored schema.
 * Comments and white space are skipped; a quote left open runs to the end (the statement was
 * accepted by the database, so that does not happen in practice).
 */
final class SqliteTokens {
    enum Kind { WORD, QUOTED, STRING, NUMBER, PUNCT }

    /** One token; {@code end} is exclusive. */
    record Token(Kind kind, String text, int start, int end) {
        /** Whether this is the bare word {@code keyword}, in any case. */
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isPunct(char c) {
            return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }

        /** The identifier this token names: quotes removed and doubled quotes undone. */
        String name() {
            if (kind != Kind.QUOTED) return text;
            char open = text.charAt(0);
            String inner = text.substring(1, Math.max(1, text.length() - 1));
            if (open == '[') return inner;
            String q = String.valueOf(open);
            return inner.replace(q + q, q);
        }

        /** Whether this token names {@code identifier} (SQLite compares names without regard to ASCII case). */
        boolean names(String identifier) {
            return isName() && name().equalsIgnoreCase(identifier);
        }
    }

    private SqliteTokens() {
    }

    static List<Token> of(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            int from = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && next == '-') {
                while (i < n && sql.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && next == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            Kind kind;
            if (c == '\'') {
                i = quoted(sql, i, '\'');
                kind = Kind.STRING;
            } else if ((c == 'x' || c == 'X') && next == '\'') {
                i = quoted(sql, i + 1, '\'');
                kind = Kind.STRING;
            } else if (c == '"' || c == '`') {
                i = quoted(sql, i, c);
                kind = Kind.QUOTED;
            } else if (c == '[') {
                int close = sql.indexOf(']', i);
                i = close < 0 ? n : close + 1;
                kind = Kind.QUOTED;
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) i++;
                kind = Kind.NUMBER;
            } else if (Character.isLetter(c) || c == '_' || c > 0x7f) {
                while (i < n && isWordPart(sql.charAt(i))) i++;
                kind = Kind.WORD;
            } else {
                i++;
                kind = Kind.PUNCT;
            }
            out.add(new Token(kind, sql.substring(from, i), from, i));
        }
        return out;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    /** The offset after the quote opened at {@code i}; a doubled quote character stays inside. */
    private static int quoted(String sql, int i, char quote) {
        int j = i + 1;
        while (j < sql.length()) {
            if (sql.charAt(j) == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return sql.length();
    }
}
