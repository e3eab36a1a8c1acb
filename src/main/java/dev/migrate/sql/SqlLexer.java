package dev.migrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one reader of SQL's lexical rules: where a quoted string, a quoted name, a dollar-quoted
 * body or a comment starts and ends, so that a semicolon, parenthesis or word inside one is never
 * taken for code. The statement splitter, SQLite's tokens of its schema text and the expression
 * facts of inspect all read text through it. White space and comments are tokens too, so that a
 * caller sees every character of the text exactly once, each token keeping its place in it.
 *
 * <p>What the databases disagree on is a {@link Rules} switch: PostgreSQL's dollar quotes,
 * {@code E'...'} strings with backslash escapes and nested block comments; SQLite's
 * {@code [name]}, {@code x'...'} blobs and numbers that run on into letters. A quote or comment that never ends runs to the end of
 * the text, its token marked unterminated, and the caller decides whether that is an error.
 */
public final class SqlLexer {
    public enum Kind {
        SPACE, LINE_COMMENT, BLOCK_COMMENT, WORD, NUMBER,
        /** {@code '...'}, a doubled quote standing for itself. */
        STRING,
        /** The {@code '...'} of PostgreSQL's {@code E'...'}, after the word {@code E}: backslash escapes too. */
        ESCAPE_STRING,
        /** A quoted name: {@code "..."} or {@code `...`}, doubled quotes standing for themselves; SQLite's {@code [...]}. */
        QUOTED,
        /** SQLite's {@code x'...'}. */
        BLOB,
        /** PostgreSQL's {@code $$...$$} or {@code $tag$...$tag$}. */
        DOLLAR_QUOTED,
        /** One character, or one of the two-character operators. */
        SYMBOL
    }

    /** One token: {@code sql.substring(start, end)}; {@code terminated} is false for a quote or block comment that never closes. */
    public record Token(Kind kind, int start, int end, boolean terminated) {
        public String text(String sql) {
            return sql.substring(start, end);
        }

        /** White space or a comment: nothing the database reads. */
        public boolean isBlank() {
            return kind == Kind.SPACE || kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
        }
    }

    /**
     * The switches where the databases' rules differ.
     *
     * @param dollarQuotes   {@code $tag$} opens a body that only the same tag closes; else {@code $} is a word character
     * @param escapeStrings  {@code E'...'} takes backslash escapes
     * @param nestedComments {@code /*} inside a block comment opens another one
     * @param bracketNames   {@code [name]} is a quoted name
     * @param blobs          {@code x'...'} is one token
     * @param looseNumbers   a number runs on through letters, digits, dots and underscores ({@code 0x1F},
     *                       {@code 1abc}), as SQLite reads it; else it is digits, a fraction and an exponent,
     *                       and letters after it are a word ({@code 1e'x'} is a number, the word {@code e}
     *                       and a string)
     */
    public record Rules(boolean dollarQuotes, boolean escapeStrings, boolean nestedComments, boolean bracketNames,
            boolean blobs, boolean looseNumbers) {
    }

    /**
     * psql's rules, which the splitter reads every revision with (SQLite's statements split the
     * same way) and in which PostgreSQL prints its expressions.
     */
    public static final Rules PSQL = new Rules(true, true, true, false, false, false);

    private static final Set<String> OPERATORS = Set.of("||", "<=", ">=", "!=", "<>", "==", "<<", ">>", "->");

    private final String sql;
    private final Rules rules;
    private int pos;
    /** The token read last, null at the start: {@code E'...'} is told by the word before its quote. */
    private Token previous;

    /** A lexer that reads {@code sql} from {@code pos}, where a token starts. */
    public SqlLexer(String sql, int pos, Rules rules) {
        this.sql = sql;
        this.pos = pos;
        this.rules = rules;
    }

    /** Every token of {@code sql}, white space and comments included. */
    public static List<Token> tokens(String sql, Rules rules) {
        List<Token> out = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(sql, 0, rules);
        while (lexer.hasNext()) out.add(lexer.next());
        return out;
    }

    public boolean hasNext() {
        return pos < sql.length();
    }

    /** The next token; call only while {@link #hasNext()}. */
    public Token next() {
        previous = read();
        pos = previous.end();
        return previous;
    }

    private Token read() {
        int n = sql.length();
        char c = sql.charAt(pos);
        char next = pos + 1 < n ? sql.charAt(pos + 1) : '\0';
        if (Character.isWhitespace(c)) {
            int end = pos + 1;
            while (end < n && Character.isWhitespace(sql.charAt(end))) end++;
            return new Token(Kind.SPACE, pos, end, true);
        }
        if (c == '-' && next == '-') {
            int end = sql.indexOf('\n', pos);
            return new Token(Kind.LINE_COMMENT, pos, end < 0 ? n : end, true);
        }
        if (c == '/' && next == '*') return blockComment(sql, pos, rules.nestedComments());
        if (c == '\'') {
            boolean escapes = rules.escapeStrings() && afterWordE();
            return quoted(escapes ? Kind.ESCAPE_STRING : Kind.STRING, sql, pos, pos, '\'', escapes);
        }
        if (c == '"' || c == '`') return quoted(Kind.QUOTED, sql, pos, pos, c, false);
        if (c == '[' && rules.bracketNames()) {
            int end = sql.indexOf(']', pos);
            return new Token(Kind.QUOTED, pos, end < 0 ? n : end + 1, end >= 0);
        }
        if ((c == 'x' || c == 'X') && next == '\'' && rules.blobs()) return quoted(Kind.BLOB, sql, pos, pos + 1, '\'', false);
        if (c == '$' && rules.dollarQuotes()) return dollar(sql, pos);
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
            return new Token(Kind.NUMBER, pos, rules.looseNumbers() ? looseNumber(sql, pos) : number(sql, pos), true);
        }
        if (startsWord(c, rules)) {
            int end = pos + 1;
            while (end < n && continuesWord(sql.charAt(end))) end++;
            return new Token(Kind.WORD, pos, end, true);
        }
        String two = pos + 1 < n ? sql.substring(pos, pos + 2) : "";
        return new Token(Kind.SYMBOL, pos, OPERATORS.contains(two) ? pos + 2 : pos + 1, true);
    }

    /** Whether the quote at pos comes right after a word that is just {@code E}, as in {@code E'\n'}. */
    private boolean afterWordE() {
        return previous != null && previous.kind() == Kind.WORD && previous.end() == pos
                && previous.text(sql).equalsIgnoreCase("E");
    }

    private static boolean startsWord(char c, Rules rules) {
        return Character.isLetter(c) || c == '_' || c > 0x7f || (c == '$' && !rules.dollarQuotes());
    }

    private static boolean continuesWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private static Token blockComment(String sql, int start, boolean nested) {
        int n = sql.length();
        if (!nested) {
            int end = sql.indexOf("*/", start + 2);
            return new Token(Kind.BLOCK_COMMENT, start, end < 0 ? n : end + 2, end >= 0);
        }
        int depth = 0;
        int i = start;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '/' && next == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && next == '/') {
                depth--;
                i += 2;
                if (depth == 0) return new Token(Kind.BLOCK_COMMENT, start, i, true);
            } else {
                i++;
            }
        }
        return new Token(Kind.BLOCK_COMMENT, start, n, false);
    }

    /** From {@code start}, the text quoted by the {@code quote} at {@code open}, where a doubled quote stands for itself. */
    private static Token quoted(Kind kind, String sql, int start, int open, char quote, boolean backslashEscapes) {
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < n && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return new Token(kind, start, i + 1, true);
            } else {
                i++;
            }
        }
        return new Token(kind, start, n, false);
    }

    /**
     * A dollar-quoted body, or a lone {@code $}: a positional parameter such as {@code $1}, or one
     * inside a name ({@code a$b}, read as a word), opens no body.
     */
    private static Token dollar(String sql, int pos) {
        int n = sql.length();
        if (pos > 0 && isTagNeighbour(sql.charAt(pos - 1))) return new Token(Kind.SYMBOL, pos, pos + 1, true);
        int tagEnd = pos + 1;
        if (tagEnd < n && (Character.isLetter(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
            while (tagEnd < n && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) tagEnd++;
        }
        if (tagEnd >= n || sql.charAt(tagEnd) != '$') return new Token(Kind.SYMBOL, pos, pos + 1, true);
        String tag = sql.substring(pos, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        if (close < 0) return new Token(Kind.DOLLAR_QUOTED, pos, n, false);
        return new Token(Kind.DOLLAR_QUOTED, pos, close + tag.length(), true);
    }

    /** A character after which {@code $} continues what came before it rather than opening a body. */
    private static boolean isTagNeighbour(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The tag of a dollar-quoted token ({@code $body$}). */
    public static String dollarTag(String sql, Token t) {
        return sql.substring(t.start(), sql.indexOf('$', t.start() + 1) + 1);
    }

    /** Digits, a fraction, an exponent: {@code 12}, {@code 1.5}, {@code .5}, {@code 1e-3}. */
    private static int number(String sql, int start) {
        int i = digits(sql, start);
        if (i < sql.length() && sql.charAt(i) == '.') i = digits(sql, i + 1);
        if (i < sql.length() && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < sql.length() && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) j++;
            if (j < sql.length() && Character.isDigit(sql.charAt(j))) i = digits(sql, j);
        }
        return i;
    }

    private static int digits(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isDigit(sql.charAt(i))) i++;
        return i;
    }

    private static int looseNumber(String sql, int start) {
        int i = start;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && i > start && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')
                    && !sql.regionMatches(true, start, "0x", 0, 2);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
