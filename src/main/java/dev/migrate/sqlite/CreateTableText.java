package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import dev.migrate.sqlite.SqlTokens.Token;

/**
 * The text SQLite stores for a table ({@code CREATE TABLE name (...)}), split into its column
 * definitions and table constraints, and edited the way SQLite edits it: ADD COLUMN inserts
 * {@code , <definition>} before the first table constraint (or the closing parenthesis), DROP
 * COLUMN cuts a column out, renames replace name tokens. Reproducing SQLite's own edits keeps the
 * model's text equal to what {@code sqlite_master} would hold.
 */
final class CreateTableText {
    private static final List<String> CONSTRAINT_WORDS = List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    /** One element of the parenthesised list: tokens {@code first..last}, after the comma at {@code comma} (-1 for none). */
    record Element(int first, int last, int comma, boolean constraint) {
    }

    final String sql;
    final List<Token> tokens;
    final List<Element> elements = new ArrayList<>();
    private int close = -1;

    private CreateTableText(String sql) {
        this.sql = sql;
        this.tokens = SqlTokens.of(sql);
    }

    /** The parsed text, or null when it is not a column list (a table created from a query). */
    static CreateTableText parse(String sql) {
        CreateTableText t = new CreateTableText(sql);
        return t.split() ? t : null;
    }

    private boolean split() {
        if (tokens.size() < 5 || !tokens.get(3).isSymbol("(")) return false;
        int depth = 0;
        int first = 4;
        int comma = -1;
        boolean inConstraints = false;
        for (int i = 4; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && depth > 0) {
                depth--;
            } else if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
                if (i == first) return false;
                inConstraints |= startsConstraint(tokens.get(first));
                elements.add(new Element(first, i - 1, comma, inConstraints));
                if (t.isSymbol(")")) {
                    close = i;
                    return true;
                }
                comma = i;
                first = i + 1;
            }
        }
        return false;
    }

    /** SQLite's grammar: once a table constraint starts, only table constraints follow. */
    static boolean startsConstraint(Token t) {
        for (String w : CONSTRAINT_WORDS) if (t.is(w)) return true;
        return false;
    }

    List<Element> columns() {
        return elements.stream().filter(e -> !e.constraint()).toList();
    }

    /** Where ADD COLUMN inserts: at the comma before the first table constraint, else at the closing parenthesis. */
    int addColumnOffset() {
        for (Element e : elements) if (e.constraint()) return tokens.get(e.comma()).start();
        return tokens.get(close).start();
    }

    String addColumn(String definition) {
        int at = addColumnOffset();
        return sql.substring(0, at) + ", " + definition + sql.substring(at);
    }

    /** The text without {@code column}'s definition, or null when the table has no such column. */
    String dropColumn(String column) {
        List<Element> columns = columns();
        for (int i = 0; i < columns.size(); i++) {
            Element c = columns.get(i);
            if (!tokens.get(c.first()).names(column)) continue;
            if (i + 1 < columns.size()) {
                return sql.substring(0, tokens.get(c.first()).start()) + sql.substring(tokens.get(columns.get(i + 1).first()).start());
            }
            if (c.comma() < 0) return null; // SQLite refuses to drop the only column
            return sql.substring(0, tokens.get(c.comma()).start()) + sql.substring(addColumnOffset());
        }
        return null;
    }

    boolean hasColumn(String column) {
        for (Element c : columns()) if (tokens.get(c.first()).names(column)) return true;
        return false;
    }

    /**
     * The tokens that refer to column {@code column} of this table ({@code self}): column names and
     * names inside parentheses (column lists, CHECK, DEFAULT and generated expressions), but not
     * function names, types after AS, collations, constraint names, or the columns of another table
     * after REFERENCES.
     */
    List<Token> columnReferences(String self, String column) {
        List<Token> out = new ArrayList<>();
        for (Element e : elements) {
            if (!e.constraint() && tokens.get(e.first()).names(column)) out.add(tokens.get(e.first()));
            int depth = 0;
            for (int i = e.first(); i <= e.last(); i++) {
                Token t = tokens.get(i);
                if (t.isSymbol("(")) depth++;
                else if (t.isSymbol(")")) depth--;
                else if (depth == 0 && t.is("REFERENCES")) i = references(i, self, column, out);
                else if (depth > 0 && refersTo(tokens, i, self, column)) out.add(t);
            }
        }
        return out;
    }

    /**
     * After REFERENCES at {@code at}: adds the referenced columns named {@code column} when the
     * referenced table is {@code table}; gives the index of the last token of the clause's column list.
     */
    static int references(List<Token> tokens, int at, String table, String column, List<Token> out) {
        int i = at + 1;
        if (i >= tokens.size()) return at;
        boolean ours = tokens.get(i).names(table);
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).isSymbol("(")) return i;
        int j = i + 2;
        for (; j < tokens.size() && !tokens.get(j).isSymbol(")"); j++) {
            if (ours && tokens.get(j).names(column)) out.add(tokens.get(j));
        }
        return j;
    }

    private int references(int at, String self, String column, List<Token> out) {
        return references(tokens, at, self, column, out);
    }

    /** Whether the name token at {@code i} inside an expression is a reference to {@code column} of {@code table}. */
    static boolean refersTo(List<Token> tokens, int i, String table, String column) {
        Token t = tokens.get(i);
        if (!t.names(column)) return false;
        if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) return false;
        if (i == 0) return true;
        Token before = tokens.get(i - 1);
        if (before.is("COLLATE") || before.is("AS") || before.is("CONSTRAINT")) return false;
        if (before.isSymbol(".")) return i >= 2 && tokens.get(i - 2).names(table);
        return true;
    }

    /** {@code sql} with each token replaced by its replacement text. */
    static String replace(String sql, TreeMap<Integer, Token> tokens, java.util.function.Function<Token, String> replacement) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Token t : tokens.values()) {
            out.append(sql, at, t.start()).append(replacement.apply(t));
            at = t.end();
        }
        return out.append(sql.substring(at)).toString();
    }
}
