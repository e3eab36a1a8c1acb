package dev.migrate.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into statements at top-level semicolons, the way psql does: semicolons inside
 * quotes ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes), quoted identifiers,
 * dollar-quoted bodies ({@code $$}, {@code $tag$}), line comments and nested block comments do not
 * split, nor do those inside a {@code BEGIN ... END} block (SQLite triggers, {@code BEGIN ATOMIC}).
 * Leading comments are dropped from a statement so that its line is the line of its first word.
 */
public final class SqlSplitter {
    /** Words looked at to classify a statement; enough for {@code REINDEX (VERBOSE) TABLE CONCURRENTLY}. */
    private static final int LEADING_WORDS = 6;

    private final String sql;
    private final String origin;
    private final int length;
    private final List<Statement> out = new ArrayList<>();
    private int pos;
    private int line;

    private int start = -1;
    private int startLine;
    private int wordCount;
    private int beginDepth;
    private final List<String> leadingWords = new ArrayList<>(LEADING_WORDS);

    private SqlSplitter(String sql, String origin, int firstLine) {
        this.sql = sql;
        this.origin = origin;
        this.length = sql.length();
        this.line = firstLine;
    }

    /**
     * Splits {@code sql}, whose first line is line {@code firstLine} of {@code origin}.
     * Empty statements and statements made only of comments are dropped.
     */
    public static List<Statement> split(String sql, String origin, int firstLine) {
        SqlSplitter s = new SqlSplitter(sql, origin, firstLine);
        s.run();
        return s.out;
    }

    private void run() {
        while (pos < length) {
            char c = sql.charAt(pos);
            char next = pos + 1 < length ? sql.charAt(pos + 1) : '\0';
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == '-' && next == '-') {
                skipLineComment();
            } else if (c == '/' && next == '*') {
                skipBlockComment();
            } else if (c == ';' && beginDepth == 0) {
                emit(pos);
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                code(c);
            }
        }
        emit(length);
    }

    private void code(char c) {
        if (start < 0) {
            start = pos;
            startLine = line;
        }
        if (c == '\'') {
            skipQuoted('\'', false, "quoted string");
        } else if (c == '"') {
            skipQuoted('"', false, "quoted identifier");
        } else if (c == '`') {
            skipQuoted('`', false, "quoted identifier");
        } else if (c == '$' && !isWordPart(previous())) {
            skipDollarQuoted();
        } else if (Character.isLetter(c) || c == '_') {
            word();
        } else {
            pos++;
        }
    }

    private void word() {
        int from = pos;
        while (pos < length && isWordPart(sql.charAt(pos))) pos++;
        String word = sql.substring(from, pos);
        wordCount++;
        if (leadingWords.size() < LEADING_WORDS) leadingWords.add(word.toUpperCase(Locale.ROOT));
        // psql's rule: BEGIN or CASE after the first word opens a block that END closes
        if (word.equalsIgnoreCase("begin") || word.equalsIgnoreCase("case")) {
            if (wordCount > 1) beginDepth++;
        } else if (word.equalsIgnoreCase("end")) {
            if (beginDepth > 0) beginDepth--;
        }
        if (pos < length && sql.charAt(pos) == '\'' && word.equalsIgnoreCase("e")) {
            skipQuoted('\'', true, "escape string");
        }
    }

    private void skipLineComment() {
        while (pos < length && sql.charAt(pos) != '\n') pos++;
    }

    private void skipBlockComment() {
        int from = line;
        int depth = 0;
        while (pos < length) {
            char c = sql.charAt(pos);
            char next = pos + 1 < length ? sql.charAt(pos + 1) : '\0';
            if (c == '/' && next == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && next == '/') {
                depth--;
                pos += 2;
                if (depth == 0) return;
            } else {
                if (c == '\n') line++;
                pos++;
            }
        }
        throw new UnterminatedSqlException(origin, from, "block comment");
    }

    private void skipQuoted(char quote, boolean backslashEscapes, String what) {
        int from = line;
        pos++;
        while (pos < length) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (backslashEscapes && c == '\\') {
                if (pos + 1 < length && sql.charAt(pos + 1) == '\n') line++;
                pos++;
            } else if (c == quote) {
                if (pos + 1 < length && sql.charAt(pos + 1) == quote) {
                    pos++;
                } else {
                    pos++;
                    return;
                }
            }
            pos++;
        }
        throw new UnterminatedSqlException(origin, from, what);
    }

    private void skipDollarQuoted() {
        int tagEnd = pos + 1;
        if (tagEnd < length && (Character.isLetter(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
            while (tagEnd < length && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
                tagEnd++;
            }
        }
        if (tagEnd >= length || sql.charAt(tagEnd) != '$') {
            pos++; // a positional parameter such as $1, or a lone dollar sign
            return;
        }
        String tag = sql.substring(pos, tagEnd + 1);
        int from = line;
        int close = sql.indexOf(tag, tagEnd + 1);
        if (close < 0) throw new UnterminatedSqlException(origin, from, "dollar-quoted body " + tag);
        for (int i = pos; i < close; i++) {
            if (sql.charAt(i) == '\n') line++;
        }
        pos = close + tag.length();
    }

    private void emit(int end) {
        if (start >= 0) {
            String text = sql.substring(start, end).strip();
            out.add(new Statement(text, startLine, runsAlone(leadingWords)));
        }
        start = -1;
        wordCount = 0;
        beginDepth = 0;
        leadingWords.clear();
    }

    private char previous() {
        return pos > 0 ? sql.charAt(pos - 1) : '\0';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** True for the statements PostgreSQL refuses inside a transaction block (SQLite refuses VACUUM too). */
    static boolean runsAlone(List<String> words) {
        if (words.isEmpty()) return false;
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        switch (first) {
            case "VACUUM":
                return true;
            case "ALTER":
                return second.equals("SYSTEM");
            case "CREATE": {
                int i = second.equals("UNIQUE") ? 2 : 1;
                if (at(words, i).equals("INDEX")) return at(words, i + 1).equals("CONCURRENTLY");
                return second.equals("DATABASE") || second.equals("TABLESPACE");
            }
            case "DROP":
                if (second.equals("INDEX")) return at(words, 2).equals("CONCURRENTLY");
                return second.equals("DATABASE") || second.equals("TABLESPACE");
            case "REINDEX":
                return words.contains("CONCURRENTLY") || words.contains("DATABASE") || words.contains("SYSTEM");
            default:
                return false;
        }
    }

    private static String at(List<String> words, int i) {
        return i < words.size() ? words.get(i) : "";
    }
}
