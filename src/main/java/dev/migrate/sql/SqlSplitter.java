package dev.migrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits SQL text into statements at top-level semicolons, the way psql does: semicolons inside
 * quotes ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes), quoted identifiers,
 * dollar-quoted bodies ({@code $$}, {@code $tag$}), line comments and nested block comments do not
 * split, nor do those inside the body of a routine or trigger written without quotes: PostgreSQL's
 * {@code CREATE FUNCTION ... BEGIN ATOMIC ... END} and SQLite's {@code CREATE TRIGGER ... BEGIN
 * ... END}, where {@code CASE ... END} nests. Anywhere else {@code BEGIN}, {@code CASE} and
 * {@code END} are ordinary words (a column may be called {@code begin}). Leading comments are
 * dropped from a statement so that its line is the line of its first word.
 *
 * <p>A SQL revision is split in one pass with its section markers ({@code -- migrate:upgrade}):
 * a marker is a line comment alone on its line outside any quote, body or block comment, so the
 * same text inside a {@code $$} body is left alone.
 */
public final class SqlSplitter {
    /** Words looked at to classify a statement; enough for {@code REINDEX (VERBOSE) TABLE CONCURRENTLY}. */
    private static final int LEADING_WORDS = 6;
    /** The words of a CREATE TRIGGER after which a name comes, not the body. */
    private static final Set<String> NAME_BEFORE = Set.of("TRIGGER", "EXISTS", "OF", "ON");

    /**
     * The statements between two section markers.
     *
     * @param line       the line of the marker, 0 for the text before the first one
     * @param marker     the marker's text after the prefix ({@code upgrade sqlite}), null before the first one
     * @param statements the statements up to the next marker
     */
    public record Section(int line, String marker, List<Statement> statements) {
        public Section {
            statements = List.copyOf(statements);
        }
    }

    private final String sql;
    private final String origin;
    private final String markerPrefix;
    private final int length;
    private final List<Section> sections = new ArrayList<>();
    private List<Statement> out = new ArrayList<>();
    private int sectionLine;
    private String sectionMarker;
    private int pos;
    private int line;

    private int start = -1;
    private int startLine;
    private int parenDepth;
    private int blockDepth;
    private String previousWord = "";
    private char previousSymbol;
    private final List<String> leadingWords = new ArrayList<>(LEADING_WORDS);
    private List<String> firstLeadingWords;
    /** The two words read before the current one, symbols between them ignored. */
    private String wordBack1 = "";
    private String wordBack2 = "";
    /** The statement names {@code timescaledb.continuous}: a continuous aggregate. */
    private boolean continuous;
    /** The statement says {@code WITH NO DATA}. */
    private boolean withNoData;

    private SqlSplitter(String sql, String origin, int firstLine, String markerPrefix) {
        this.sql = sql;
        this.origin = origin;
        this.markerPrefix = markerPrefix;
        this.length = sql.length();
        this.line = firstLine;
    }

    /**
     * Splits {@code sql}, whose first line is line {@code firstLine} of {@code origin}.
     * Empty statements and statements made only of comments are dropped.
     */
    public static List<Statement> split(String sql, String origin, int firstLine) {
        SqlSplitter s = new SqlSplitter(sql, origin, firstLine, null);
        s.run();
        return s.sections.get(0).statements();
    }

    /**
     * Splits a whole file into sections at the line comments that start with {@code markerPrefix}
     * ({@code "migrate:"}): the first section holds what comes before the first marker.
     */
    public static List<Section> sections(String sql, String origin, String markerPrefix) {
        SqlSplitter s = new SqlSplitter(sql, origin, 1, markerPrefix);
        s.run();
        return s.sections;
    }

    /** The first words (up to six) of a statement, upper case, comments and quoted parts skipped: what classifies it. */
    public static List<String> leadingWords(String statement) {
        SqlSplitter s = new SqlSplitter(statement, "", 1, null);
        s.run();
        return s.firstLeadingWords == null ? List.of() : s.firstLeadingWords;
    }

    private void run() {
        while (pos < length) {
            char c = sql.charAt(pos);
            char next = pos + 1 < length ? sql.charAt(pos + 1) : '\0';
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == '-' && next == '-') {
                lineComment();
            } else if (c == '/' && next == '*') {
                skipBlockComment();
            } else if (c == ';' && blockDepth == 0) {
                emit(pos);
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                code(c);
            }
        }
        emit(length);
        sections.add(new Section(sectionLine, sectionMarker, out));
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
            return;
        } else {
            if (c == '(') parenDepth++;
            if (c == ')' && parenDepth > 0) parenDepth--;
            pos++;
        }
        previousSymbol = c;
        previousWord = "";
    }

    private void word() {
        int from = pos;
        while (pos < length && isWordPart(sql.charAt(pos))) pos++;
        String word = sql.substring(from, pos).toUpperCase(Locale.ROOT);
        if (leadingWords.size() < LEADING_WORDS) leadingWords.add(word);
        if (word.equals("CONTINUOUS") && wordBack1.equals("TIMESCALEDB")) continuous = true;
        if (word.equals("DATA") && wordBack1.equals("NO") && wordBack2.equals("WITH")) withNoData = true;
        wordBack2 = wordBack1;
        wordBack1 = word;
        if (parenDepth == 0) block(word);
        previousWord = word;
        previousSymbol = '\0';
        if (pos < length && sql.charAt(pos) == '\'' && word.equals("E")) {
            skipQuoted('\'', true, "escape string");
            previousWord = "";
            previousSymbol = '\'';
        }
    }

    /**
     * Tracks the unquoted body of a routine or trigger, psql's way: BEGIN opens it, CASE nests
     * inside it, END closes either. Outside such a statement the words mean nothing here.
     */
    private void block(String word) {
        switch (word) {
            case "BEGIN":
                if (blockDepth == 0 && opensBody()) blockDepth++;
                break;
            case "CASE":
                if (blockDepth > 0) blockDepth++;
                break;
            case "END":
                if (blockDepth > 0) blockDepth--;
                break;
            default:
                break;
        }
    }

    /** Whether a BEGIN just read starts the body of the statement being read. */
    private boolean opensBody() {
        if (isTrigger()) {
            // Where BEGIN names the trigger, its table or a column of UPDATE OF, it follows one of these;
            // the body's BEGIN follows the table name, FOR EACH ROW or the WHEN condition.
            return !NAME_BEFORE.contains(previousWord) && previousSymbol != ',' && previousSymbol != '.';
        }
        return isRoutine() && nextWord().equals("ATOMIC");
    }

    /** CREATE [OR REPLACE] FUNCTION | PROCEDURE. */
    private boolean isRoutine() {
        int i = createdObjectIndex();
        return i > 0 && (at(leadingWords, i).equals("FUNCTION") || at(leadingWords, i).equals("PROCEDURE"));
    }

    /** CREATE [OR REPLACE] [TEMP | TEMPORARY] [CONSTRAINT] TRIGGER. */
    private boolean isTrigger() {
        int i = createdObjectIndex();
        if (i < 0) return false;
        if (at(leadingWords, i).equals("TEMP") || at(leadingWords, i).equals("TEMPORARY")) i++;
        if (at(leadingWords, i).equals("CONSTRAINT")) i++;
        return at(leadingWords, i).equals("TRIGGER");
    }

    /** The index of the word after CREATE [OR REPLACE], or -1 when the statement is no CREATE. */
    private int createdObjectIndex() {
        if (!at(leadingWords, 0).equals("CREATE")) return -1;
        return at(leadingWords, 1).equals("OR") && at(leadingWords, 2).equals("REPLACE") ? 3 : 1;
    }

    /** The next word after pos, skipping white space and comments, upper case; empty when something else comes. */
    private String nextWord() {
        int i = pos;
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                while (i < length && sql.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else {
                break;
            }
        }
        int from = i;
        while (i < length && isWordPart(sql.charAt(i))) i++;
        return sql.substring(from, i).toUpperCase(Locale.ROOT);
    }

    private void lineComment() {
        int from = pos;
        while (pos < length && sql.charAt(pos) != '\n') pos++;
        if (markerPrefix != null && aloneOnItsLine(from)) {
            String text = sql.substring(from + 2, pos).strip();
            if (text.startsWith(markerPrefix)) {
                emit(from);
                sections.add(new Section(sectionLine, sectionMarker, out));
                out = new ArrayList<>();
                sectionLine = line;
                sectionMarker = text.substring(markerPrefix.length()).strip();
            }
        }
    }

    private boolean aloneOnItsLine(int commentStart) {
        for (int i = commentStart - 1; i >= 0 && sql.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(sql.charAt(i))) return false;
        }
        return true;
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
            boolean fillsAggregate = continuous && !withNoData;
            out.add(new Statement(text, startLine, runsAlone(leadingWords) || fillsAggregate && isMaterializedView()));
            if (firstLeadingWords == null) firstLeadingWords = List.copyOf(leadingWords);
        }
        start = -1;
        parenDepth = 0;
        blockDepth = 0;
        previousWord = "";
        previousSymbol = '\0';
        leadingWords.clear();
        wordBack1 = "";
        wordBack2 = "";
        continuous = false;
        withNoData = false;
    }

    /**
     * CREATE MATERIALIZED VIEW: with {@code timescaledb.continuous} and without WITH NO DATA,
     * TimescaleDB fills the new continuous aggregate at once, which it refuses inside a transaction block.
     */
    private boolean isMaterializedView() {
        return at(leadingWords, 0).equals("CREATE") && at(leadingWords, 1).equals("MATERIALIZED")
                && at(leadingWords, 2).equals("VIEW");
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
            case "CALL":
                return callsTimescaleProcedure(words);
            default:
                return false;
        }
    }

    /**
     * TimescaleDB's refresh_continuous_aggregate refuses a transaction block; run_job runs policies
     * that commit as they go, which a procedure called inside a transaction block cannot.
     * The name may be schema-qualified, so it is the second or the third word.
     */
    private static boolean callsTimescaleProcedure(List<String> words) {
        for (int i = 1; i <= 2; i++) {
            String name = at(words, i);
            if (name.equals("REFRESH_CONTINUOUS_AGGREGATE") || name.equals("RUN_JOB")) return true;
        }
        return false;
    }

    private static String at(List<String> words, int i) {
        return i < words.size() ? words.get(i) : "";
    }
}
