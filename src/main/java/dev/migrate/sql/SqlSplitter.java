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
 * dropped from a statement so that its line is the line of its first word. The text is read by
 * {@link SqlLexer} with psql's rules; a quote, body or block comment that never ends is an error.
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
        SqlLexer lexer = new SqlLexer(sql, 0, SqlLexer.PSQL);
        while (lexer.hasNext()) {
            SqlLexer.Token t = lexer.next();
            switch (t.kind()) {
                case SPACE -> { }
                case LINE_COMMENT -> lineComment(t);
                case BLOCK_COMMENT -> requireEnd(t, "block comment");
                case WORD -> word(t);
                default -> code(t);
            }
            for (int i = t.start(); i < t.end(); i++) {
                if (sql.charAt(i) == '\n') line++;
            }
            pos = t.end();
        }
        emit(length);
        sections.add(new Section(sectionLine, sectionMarker, out));
    }

    /** A quote, body or comment that never ends would swallow the rest of the file: an error on the line it starts. */
    private void requireEnd(SqlLexer.Token t, String what) {
        if (!t.terminated()) throw new UnterminatedSqlException(origin, line, what);
    }

    private void startStatement() {
        if (start < 0) {
            start = pos;
            startLine = line;
        }
    }

    /** Anything but a word, white space or a comment. */
    private void code(SqlLexer.Token t) {
        if (t.kind() == SqlLexer.Kind.SYMBOL && sql.charAt(pos) == ';' && blockDepth == 0) {
            emit(pos);
            return;
        }
        startStatement();
        switch (t.kind()) {
            case STRING -> requireEnd(t, "quoted string");
            case ESCAPE_STRING -> requireEnd(t, "escape string");
            case QUOTED -> requireEnd(t, "quoted identifier");
            case DOLLAR_QUOTED -> requireEnd(t, "dollar-quoted body " + SqlLexer.dollarTag(sql, t));
            default -> {
                char c = sql.charAt(pos);
                if (c == '(') parenDepth++;
                if (c == ')' && parenDepth > 0) parenDepth--;
            }
        }
        boolean quoted = t.kind() != SqlLexer.Kind.SYMBOL && t.kind() != SqlLexer.Kind.NUMBER;
        previousSymbol = sql.charAt(quoted ? t.start() : t.end() - 1);
        previousWord = "";
    }

    private void word(SqlLexer.Token t) {
        startStatement();
        String word = t.text(sql).toUpperCase(Locale.ROOT);
        if (leadingWords.size() < LEADING_WORDS) leadingWords.add(word);
        if (word.equals("CONTINUOUS") && wordBack1.equals("TIMESCALEDB")) continuous = true;
        if (word.equals("DATA") && wordBack1.equals("NO") && wordBack2.equals("WITH")) withNoData = true;
        wordBack2 = wordBack1;
        wordBack1 = word;
        pos = t.end(); // a BEGIN looks at the word after it, from here
        if (parenDepth == 0) block(word);
        previousWord = word;
        previousSymbol = '\0';
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
        SqlLexer ahead = new SqlLexer(sql, pos, SqlLexer.PSQL);
        while (ahead.hasNext()) {
            SqlLexer.Token t = ahead.next();
            if (t.kind() == SqlLexer.Kind.WORD) return t.text(sql).toUpperCase(Locale.ROOT);
            if (!t.isBlank()) break;
        }
        return "";
    }

    private void lineComment(SqlLexer.Token t) {
        int from = t.start();
        if (markerPrefix != null && aloneOnItsLine(from)) {
            String text = sql.substring(from + 2, t.end()).strip();
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
