package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrate.sql.Statement;
import dev.migrate.sqlite.SqlTokens.Token;
import dev.migrate.sqlite.SqlTokens;

/**
 * The rules applied to SQL statements (SQL revisions and {@code execute}), by light keyword
 * recognition on the statement's tokens: the handful of statement shapes that lock or rewrite
 * ({@code CREATE INDEX}, {@code ALTER TABLE} actions, {@code DROP}, {@code VACUUM FULL}, ...).
 * Anything else is left alone: lint must never fail on SQL it does not understand.
 */
final class StatementRules {
    /** Words that end the type of a column definition. */
    private static final Set<String> AFTER_TYPE = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "REFERENCES", "CHECK",
            "UNIQUE", "CONSTRAINT", "COLLATE", "GENERATED", "USING");
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
            "EXCLUDE", "LIKE");

    private final RevisionLint lint;
    private String sql;
    private int line;
    private int key;

    StatementRules(RevisionLint lint) {
        this.lint = lint;
    }

    /** Checks {@code st}; {@code key} is the line whose suppression applies. */
    void check(Statement st, int key) {
        this.sql = st.sql();
        this.line = st.line();
        this.key = key;
        List<Token> t = SqlTokens.of(sql);
        if (t.isEmpty()) return;
        enumValueUse(t);
        String first = word(t, 0);
        switch (first) {
            case "CREATE": create(t); break;
            case "ALTER": alter(t); break;
            case "DROP": drop(t); break;
            case "VACUUM":
                if (t.stream().limit(8).anyMatch(x -> x.is("FULL"))) {
                    lint.report(Rule.VACUUM_FULL, line, key, "VACUUM FULL rewrites the table");
                }
                break;
            case "CLUSTER":
                lint.report(Rule.VACUUM_FULL, line, key, "CLUSTER rewrites the table");
                break;
            case "UPDATE":
                lint.dataUpdate(line, key, nameAfter(t, skip(t, 1, "ONLY")), "UPDATE");
                break;
            case "DELETE":
                lint.dataUpdate(line, key, nameAfter(t, skip(t, skip(t, 1, "FROM"), "ONLY")), "DELETE");
                break;
            case "INSERT":
                if (t.stream().anyMatch(x -> x.is("SELECT"))) {
                    lint.dataUpdate(line, key, nameAfter(t, skip(t, 1, "INTO")), "INSERT ... SELECT");
                }
                break;
            default:
                break;
        }
    }

    private void enumValueUse(List<Token> t) {
        if (word(t, 0).equals("ALTER") && word(t, 1).equals("TYPE")) return;
        for (Token x : t) {
            if (x.type() == SqlTokens.Type.STRING && lint.newEnumValue(x.value())) {
                lint.report(Rule.ENUM_VALUE_USE, line, key, "the statement uses '" + x.value()
                        + "', added to its enum in the same transaction");
                return;
            }
        }
    }

    private void create(List<Token> t) {
        lint.ddl();
        int i = skip(t, 1, "UNIQUE");
        if (word(t, i).equals("INDEX")) {
            boolean concurrently = false;
            int on = -1;
            for (int j = i + 1; j < t.size(); j++) {
                if (t.get(j).is("CONCURRENTLY")) concurrently = true;
                if (t.get(j).is("ON")) {
                    on = j;
                    break;
                }
            }
            if (on < 0) return;
            String table = nameAfter(t, skip(t, on + 1, "ONLY"));
            if (!concurrently && lint.populated(table)) {
                lint.report(Rule.INDEX_CONCURRENTLY, line, key, "CREATE INDEX on " + lint.table(table) + " without CONCURRENTLY");
            }
            return;
        }
        while (i < t.size() && List.of("TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL").contains(word(t, i))) i++;
        if (!word(t, i).equals("TABLE")) return;
        i = skipIfNotExists(t, i + 1);
        String table = nameAfter(t, i);
        if (table == null) return;
        lint.created(table);
        int open = indexOfSymbol(t, i, "(");
        if (open < 0) return;
        int close = SqlTokens.closing(t, open);
        if (close < 0) close = t.size();
        List<List<Token>> defs = SqlTokens.split(t, open + 1, close);
        List<String> keyColumns = new ArrayList<>();
        for (List<Token> def : defs) {
            if (def.size() > 2 && def.get(0).is("PRIMARY") && def.get(1).is("KEY")) {
                for (Token x : def) if (x.isIdentifier() && !x.is("PRIMARY") && !x.is("KEY")) keyColumns.add(x.identifier());
            }
        }
        for (List<Token> def : defs) {
            if (def.isEmpty() || TABLE_CONSTRAINTS.contains(word(def, 0))) continue;
            String column = def.get(0).identifier();
            boolean isKey = keyColumns.contains(column) || containsWords(def, "PRIMARY", "KEY");
            columnType(table, column, typeOf(def, 1), isKey);
        }
    }

    private void alter(List<Token> t) {
        lint.ddl();
        if (word(t, 1).equals("TYPE")) {
            for (int j = 2; j + 1 < t.size(); j++) {
                if (t.get(j).is("ADD") && t.get(j + 1).is("VALUE")) {
                    int v = skipIfNotExists(t, j + 2);
                    if (v < t.size() && t.get(v).type() == SqlTokens.Type.STRING) lint.addedEnumValue(t.get(v).value());
                }
            }
            return;
        }
        if (!word(t, 1).equals("TABLE")) return;
        int i = skip(t, skip(t, 2, "IF", "EXISTS"), "ONLY");
        String table = nameAfter(t, i);
        if (table == null) return;
        i = afterName(t, i);
        for (List<Token> action : SqlTokens.split(t, i, t.size())) action(table, action);
    }

    private void action(String table, List<Token> a) {
        String verb = word(a, 0);
        boolean populated = lint.populated(table);
        if (verb.equals("ADD")) {
            int i = skip(a, 1, "COLUMN");
            if (!TABLE_CONSTRAINTS.contains(word(a, i))) {
                addColumn(table, a, skipIfNotExists(a, i));
                return;
            }
            int kind = word(a, i).equals("CONSTRAINT") ? i + 2 : i;
            String name = word(a, i).equals("CONSTRAINT") ? a.get(i + 1).identifier() : null;
            boolean notValid = containsWords(a, "NOT", "VALID");
            switch (word(a, kind)) {
                case "FOREIGN":
                    if (!notValid && populated) {
                        lint.report(Rule.CONSTRAINT_NOT_VALID, line, key, "ADD FOREIGN KEY on " + lint.table(table)
                                + " without NOT VALID");
                    }
                    break;
                case "CHECK": {
                    if (!notValid && populated) {
                        lint.report(Rule.CONSTRAINT_NOT_VALID, line, key, "ADD CHECK on " + lint.table(table)
                                + " without NOT VALID");
                    }
                    int open = kind + 1;
                    int close = open < a.size() && a.get(open).isSymbol("(") ? SqlTokens.closing(a, open) : -1;
                    if (close > open) {
                        String expression = sql.substring(a.get(open).end(), a.get(close).start());
                        lint.schema.check(table, name, expression, !notValid, lint.revision());
                    }
                    break;
                }
                case "UNIQUE": case "PRIMARY":
                    if (!containsWords(a, "USING", "INDEX") && populated) {
                        lint.report(Rule.UNIQUE_CONSTRAINT, line, key, "ADD " + word(a, kind) + " on " + lint.table(table)
                                + " builds its index while blocking writes");
                    }
                    break;
                default:
                    break;
            }
        } else if (verb.equals("ALTER")) {
            int i = skip(a, 1, "COLUMN");
            String column = i < a.size() ? a.get(i).identifier() : null;
            int j = skip(a, i + 1, "SET", "DATA");
            if (word(a, j).equals("TYPE")) {
                PgType to = PgType.parse(typeOf(a, j + 1));
                PgType from = lint.schema.type(table, column);
                if (populated && (containsWords(a, "USING") || TypeChanges.rewrites(from, to))) {
                    lint.report(Rule.TYPE_REWRITE, line, key, "ALTER COLUMN " + column + " TYPE " + to + " on "
                            + lint.table(table) + (from == null ? " (the old type is unknown)" : " (from " + from + ")"));
                } else if (populated && to.isBoundedVarchar()) {
                    lint.report(Rule.VARCHAR_LENGTH, line, key, "ALTER COLUMN " + column + " TYPE " + to + " on "
                            + lint.table(table) + " (from " + from + ")");
                }
                typeRules(table, column, to, false);
                lint.schema.column(table, column, to);
            } else if (word(a, i + 1).equals("SET") && word(a, i + 2).equals("NOT") && word(a, i + 3).equals("NULL")) {
                if (populated && !lint.schema.provenNotNull(table, column, lint.revision())) {
                    lint.report(Rule.SET_NOT_NULL, line, key, "SET NOT NULL on " + lint.table(table) + "." + column
                            + " with no validated CHECK (" + column + " IS NOT NULL) from an earlier revision");
                }
            }
        } else if (verb.equals("DROP")) {
            int i = skip(a, 1, "COLUMN");
            if (word(a, i).equals("CONSTRAINT") || lint.createdHere(table)) return;
            i = skip(a, i, "IF", "EXISTS");
            if (i < a.size()) {
                lint.report(Rule.DROP_COLUMN, line, key, "DROP COLUMN " + table + "." + a.get(i).identifier()
                        + " deletes its data");
            }
        } else if (verb.equals("RENAME")) {
            if (!word(a, 1).equals("CONSTRAINT") && !lint.createdHere(table)) {
                lint.report(Rule.RENAME, line, key, "RENAME on " + table + ": " + sql.substring(a.get(0).start(),
                        a.get(a.size() - 1).end()));
            }
        } else if (verb.equals("VALIDATE") && word(a, 1).equals("CONSTRAINT") && a.size() > 2) {
            lint.schema.validate(table, a.get(2).identifier(), lint.revision());
        }
    }

    private void addColumn(String table, List<Token> a, int i) {
        if (i >= a.size()) return;
        String column = a.get(i).identifier();
        String typeText = typeOf(a, i + 1);
        PgType type = PgType.parse(typeText);
        boolean isKey = containsWords(a, "PRIMARY", "KEY");
        columnType(table, column, typeText, isKey);
        if (!lint.populated(table)) return;
        String what = "ADD COLUMN " + table + "." + column;
        int d = indexOfWord(a, "DEFAULT");
        String dflt = d < 0 || d + 1 >= a.size() ? null : sql.substring(a.get(d + 1).start(), a.get(a.size() - 1).end());
        if (type.isSerial() || containsWords(a, "GENERATED") || (dflt != null && VolatileDefaults.isVolatile(dflt))) {
            lint.report(Rule.VOLATILE_DEFAULT, line, key, what + " gives every existing row a value of its own, rewriting "
                    + lint.table(table));
        } else if (containsWords(a, "NOT", "NULL") && dflt == null) {
            lint.report(Rule.REQUIRED_COLUMN, line, key, what + " is NOT NULL without a default on " + lint.table(table));
        }
        if (isKey || containsWords(a, "UNIQUE")) {
            lint.report(Rule.UNIQUE_CONSTRAINT, line, key, what + " builds a unique index on " + lint.table(table));
        }
    }

    private void columnType(String table, String column, String typeText, boolean isKey) {
        PgType type = PgType.parse(typeText);
        lint.schema.column(table, column, type);
        typeRules(table, column, type, isKey);
    }

    private void typeRules(String table, String column, PgType type, boolean isKey) {
        String what = "column " + table + "." + column;
        if (isKey && type.isSmallInteger()) lint.report(Rule.INT_KEY, line, key, "key " + what + " is " + type);
        if (type.isTimestampWithoutZone()) lint.report(Rule.TIMESTAMP_TZ, line, key, what + " is timestamp");
    }

    private void drop(List<Token> t) {
        lint.ddl();
        String what = word(t, 1);
        if (what.equals("INDEX")) {
            if (!word(t, 2).equals("CONCURRENTLY")) {
                lint.report(Rule.INDEX_CONCURRENTLY, line, key, "DROP INDEX without CONCURRENTLY");
            }
        } else if (what.equals("TABLE")) {
            int i = skip(t, 2, "IF", "EXISTS");
            while (i < t.size()) {
                String table = nameAfter(t, i);
                if (table == null) break;
                if (!lint.createdHere(table)) {
                    lint.report(Rule.DROP_TABLE, line, key, "DROP TABLE " + lint.table(table) + " deletes the table");
                }
                i = afterName(t, i);
                if (i < t.size() && t.get(i).isSymbol(",")) i++;
                else break;
            }
        }
    }

    /** The type text of a column definition starting at {@code from}, up to its first constraint word. */
    private String typeOf(List<Token> def, int from) {
        if (from >= def.size()) return "";
        int end = from;
        while (end < def.size() && !AFTER_TYPE.contains(word(def, end)) && !def.get(end).isSymbol(",")) end++;
        if (end == from) return "";
        return sql.substring(def.get(from).start(), def.get(end - 1).end());
    }

    private static String word(List<Token> t, int i) {
        return i < t.size() && t.get(i).type() == SqlTokens.Type.WORD ? t.get(i).text().toUpperCase(java.util.Locale.ROOT) : "";
    }

    /** {@code i} past the words {@code words} if they come there in order, else {@code i}. */
    private static int skip(List<Token> t, int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!word(t, i + k).equals(words[k])) return i;
        }
        return i + words.length;
    }

    private static int skipIfNotExists(List<Token> t, int i) {
        return word(t, i).equals("IF") && word(t, i + 1).equals("NOT") && word(t, i + 2).equals("EXISTS") ? i + 3 : i;
    }

    /** The possibly qualified name starting at {@code i}, or null. */
    private static String nameAfter(List<Token> t, int i) {
        if (i >= t.size() || !t.get(i).isIdentifier()) return null;
        StringBuilder b = new StringBuilder(t.get(i).identifier());
        while (i + 2 < t.size() && t.get(i + 1).isSymbol(".") && t.get(i + 2).isIdentifier()) {
            b.append('.').append(t.get(i + 2).identifier());
            i += 2;
        }
        return b.toString();
    }

    private static int afterName(List<Token> t, int i) {
        i++;
        while (i + 1 < t.size() && t.get(i).isSymbol(".") && t.get(i + 1).isIdentifier()) i += 2;
        return i;
    }

    private static int indexOfSymbol(List<Token> t, int from, String symbol) {
        for (int i = from; i < t.size(); i++) if (t.get(i).isSymbol(symbol)) return i;
        return -1;
    }

    private static int indexOfWord(List<Token> t, String w) {
        for (int i = 0; i < t.size(); i++) if (t.get(i).is(w)) return i;
        return -1;
    }

    /** Whether the words {@code words} come one after the other somewhere in {@code t}. */
    private static boolean containsWords(List<Token> t, String... words) {
        outer:
        for (int i = 0; i + words.length <= t.size(); i++) {
            for (int k = 0; k < words.length; k++) if (!t.get(i + k).is(words[k])) continue outer;
            return true;
        }
        return false;
    }
}
