package dev.migrate.inspect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.dialect.sqlite.SqlTokens;
import dev.migrate.dialect.sqlite.SqlTokens.Token;

/**
 * Reads the constraints of a SQLite {@code CREATE TABLE} statement (as {@code sqlite_master}
 * keeps it) that the pragmas do not give: CHECK constraints, constraint names, whether a foreign
 * key is deferrable, and AUTOINCREMENT. Columns, types, defaults, keys and referential actions
 * come from the pragmas, which SQLite itself keeps exact.
 */
final class SqliteCreateTable {
    enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY }

    /** Words that start a table constraint rather than a column definition. */
    private static final Set<String> TABLE_CONSTRAINT = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    /**
     * Words that start another clause of a column: they end the clauses of a REFERENCES before them
     * (DEFAULT and NULL only when they do not follow SET, as in ON DELETE SET NULL).
     */
    private static final Set<String> CLAUSE_START = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
            "REFERENCES", "DEFAULT", "COLLATE", "GENERATED", "AS", "NULL");

    /**
     * A constraint, written on a column (its columns are then that column) or on the table.
     *
     * @param name       the name given with CONSTRAINT, or null
     * @param expression for a CHECK, its expression as written
     * @param refTable   for a foreign key, the table it refers to
     * @param refColumns for a foreign key, the columns named after the table (empty: its primary key)
     */
    record Constraint(Kind kind, String name, List<String> columns, String expression, String refTable,
                      List<String> refColumns, boolean deferrable, boolean initiallyDeferred) {
    }

    /** A column definition and the constraints written on it. */
    record ColumnDefinition(String name, boolean autoincrement, List<Constraint> constraints) {
    }

    record Definition(List<ColumnDefinition> columns, List<Constraint> constraints) {
    }

    private SqliteCreateTable() {
    }

    static Definition parse(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol("(")) open++;
        int close = SqlTokens.closing(tokens, open);
        List<ColumnDefinition> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        if (close < 0) return new Definition(columns, constraints);
        for (List<Token> element : SqlTokens.split(tokens, open + 1, close)) {
            if (element.isEmpty()) continue;
            Token first = element.get(0);
            boolean tableConstraint = first.type() == SqlTokens.Type.WORD
                    && TABLE_CONSTRAINT.contains(first.text().toUpperCase(Locale.ROOT));
            if (tableConstraint) {
                constraints.addAll(new Clauses(sql, element, null).read());
            } else {
                Clauses clauses = new Clauses(sql, element.subList(1, element.size()), first.identifier());
                List<Constraint> own = clauses.read();
                columns.add(new ColumnDefinition(first.identifier(), clauses.autoincrement, own));
            }
        }
        return new Definition(columns, constraints);
    }

    /** The constraint clauses of one element of the table body. */
    private static final class Clauses {
        private final String sql;
        private final List<Token> tokens;
        private final String column;
        private int i;
        private String pendingName;
        boolean autoincrement;

        Clauses(String sql, List<Token> tokens, String column) {
            this.sql = sql;
            this.tokens = tokens;
            this.column = column;
        }

        List<Constraint> read() {
            List<Constraint> out = new ArrayList<>();
            while (i < tokens.size()) {
                Token t = tokens.get(i);
                if (t.isSymbol("(")) {
                    i = SqlTokens.closing(tokens, i) + 1;
                    if (i == 0) return out;
                } else if (t.is("CONSTRAINT") && i + 1 < tokens.size()) {
                    pendingName = tokens.get(i + 1).identifier();
                    i += 2;
                } else if (t.is("PRIMARY")) {
                    i += 2;
                    out.add(constraint(Kind.PRIMARY_KEY, names(), null, null, List.of(), false, false));
                } else if (t.is("UNIQUE")) {
                    i++;
                    out.add(constraint(Kind.UNIQUE, names(), null, null, List.of(), false, false));
                } else if (t.is("CHECK") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
                    String expression = inside(i + 1);
                    i = SqlTokens.closing(tokens, i + 1) + 1;
                    out.add(constraint(Kind.CHECK, column == null ? List.of() : List.of(column), expression, null,
                            List.of(), false, false));
                    if (i == 0) return out;
                } else if (t.is("FOREIGN")) {
                    i += 2;
                    List<String> columns = names();
                    if (i < tokens.size() && tokens.get(i).is("REFERENCES")) out.add(references(columns));
                } else if (t.is("REFERENCES")) {
                    out.add(references(List.of(column)));
                } else {
                    if (t.is("AUTOINCREMENT")) autoincrement = true;
                    i++;
                }
            }
            return out;
        }

        private Constraint constraint(Kind kind, List<String> columns, String expression, String refTable,
                                      List<String> refColumns, boolean deferrable, boolean deferred) {
            Constraint c = new Constraint(kind, pendingName, columns, expression, refTable, refColumns, deferrable, deferred);
            pendingName = null;
            return c;
        }

        /** The text between the parenthesis at {@code open} and the one closing it, as written. */
        private String inside(int open) {
            int close = SqlTokens.closing(tokens, open);
            return sql.substring(tokens.get(open).end(), close < 0 ? sql.length() : tokens.get(close).start()).strip();
        }

        /** A parenthesised list of column names at the cursor, or this column when there is none. */
        private List<String> names() {
            if (i >= tokens.size() || !tokens.get(i).isSymbol("(")) return column == null ? List.of() : List.of(column);
            int close = SqlTokens.closing(tokens, i);
            List<String> out = new ArrayList<>();
            for (List<Token> part : SqlTokens.split(tokens, i + 1, close < 0 ? tokens.size() : close)) {
                if (!part.isEmpty()) out.add(part.get(0).identifier());
            }
            i = close < 0 ? tokens.size() : close + 1;
            return out;
        }

        /** {@code REFERENCES table [(columns)]} and its clauses, up to the next constraint. */
        private Constraint references(List<String> columns) {
            i++;
            String table = i < tokens.size() ? tokens.get(i++).identifier() : null;
            List<String> refColumns = i < tokens.size() && tokens.get(i).isSymbol("(") ? names() : List.of();
            boolean deferrable = false;
            boolean deferred = false;
            while (i < tokens.size()) {
                Token t = tokens.get(i);
                boolean notNull = t.is("NOT") && i + 1 < tokens.size() && tokens.get(i + 1).is("NULL");
                boolean afterSet = i > 0 && tokens.get(i - 1).is("SET");
                boolean clause = t.type() == SqlTokens.Type.WORD && CLAUSE_START.contains(t.text().toUpperCase(Locale.ROOT));
                if (notNull || clause && !afterSet) break;
                if (t.is("DEFERRABLE")) deferrable = i == 0 || !tokens.get(i - 1).is("NOT");
                if (t.is("INITIALLY") && i + 1 < tokens.size()) deferred = tokens.get(i + 1).is("DEFERRED");
                i++;
            }
            return constraint(Kind.FOREIGN_KEY, columns, null, table, refColumns, deferrable, deferrable && deferred);
        }
    }
}
