package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.sqlite.SqlTokens.Token;

/**
 * One column definition of a SQLite CREATE TABLE, as written: its name, its declared type and
 * its constraints, each kept as text so that what the change does not touch (collations,
 * generated expressions, conflict clauses) survives a rebuild unchanged.
 *
 * @param nameSql the name as written (quoted or not)
 * @param type    the declared type as written, possibly empty
 */
public record ColumnDef(String name, String nameSql, String type, List<Clause> clauses) {
    /** Words that start a column constraint (SQLite's column-constraint grammar). */
    private static final Set<String> STARTS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
            "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");

    /**
     * One column constraint: {@code kind} is its leading keyword ({@code PRIMARY}, {@code NOT}
     * for NOT NULL, {@code NULL}, {@code UNIQUE}, {@code CHECK}, {@code DEFAULT}, {@code COLLATE},
     * {@code REFERENCES}, {@code GENERATED} also for a bare {@code AS}); {@code name} is given by
     * {@code CONSTRAINT name}, or null.
     */
    public record Clause(String name, String kind, String sql) {
        public boolean is(String k) {
            return kind.equals(k);
        }

        /** A CHECK's expression as written, or null for another kind. */
        public String checkExpression() {
            return is("CHECK") ? SqlTokens.parenthesised(sql) : null;
        }

        /** A REFERENCES clause's reference, or null for another kind. */
        public ForeignKeyReference reference() {
            return is("REFERENCES") ? ForeignKeyReference.in(sql) : null;
        }
    }

    public ColumnDef {
        clauses = List.copyOf(clauses);
    }

    /** The column definition written by {@code tokens}, a part of {@code sql}. */
    static ColumnDef parse(String sql, List<Token> tokens) {
        Token first = tokens.get(0);
        int i = 1;
        int depth = 0;
        while (i < tokens.size() && !(depth == 0 && startsClause(tokens, i))) {
            if (tokens.get(i).isSymbol("(")) depth++;
            if (tokens.get(i).isSymbol(")")) depth--;
            i++;
        }
        String type = i > 1 ? sql.substring(tokens.get(1).start(), tokens.get(i - 1).end()) : "";
        List<Clause> clauses = new ArrayList<>();
        while (i < tokens.size()) {
            int start = i;
            String name = null;
            if (tokens.get(i).is("CONSTRAINT") && i + 1 < tokens.size()) {
                name = tokens.get(i + 1).identifier();
                i += 2;
            }
            String kind = i < tokens.size() ? tokens.get(i).text().toUpperCase(Locale.ROOT) : "CONSTRAINT";
            if (kind.equals("AS")) kind = "GENERATED";
            i++;
            depth = 0;
            while (i < tokens.size() && !(depth == 0 && startsClause(tokens, i))) {
                if (tokens.get(i).isSymbol("(")) depth++;
                if (tokens.get(i).isSymbol(")")) depth--;
                i++;
            }
            clauses.add(new Clause(name, kind, sql.substring(tokens.get(start).start(), tokens.get(i - 1).end())));
        }
        return new ColumnDef(first.identifier(), first.text(), type, clauses);
    }

    /**
     * Whether a new constraint starts at token {@code i}: one of the leading words, except where
     * the same words occur inside a constraint ({@code SET NULL}, {@code SET DEFAULT},
     * {@code DEFAULT NULL}, {@code NOT DEFERRABLE}, {@code GENERATED ALWAYS AS}).
     */
    private static boolean startsClause(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.type() != SqlTokens.Type.WORD || !STARTS.contains(t.text().toUpperCase(Locale.ROOT))) return false;
        Token previous = tokens.get(i - 1);
        if ((t.is("NULL") || t.is("DEFAULT")) && (previous.is("SET") || previous.is("DEFAULT"))) return false;
        if (t.is("NULL") && previous.is("NOT")) return false;
        if (t.is("NOT") && i + 1 < tokens.size() && tokens.get(i + 1).is("DEFERRABLE")) return false;
        if (t.is("AS") && previous.is("ALWAYS")) return false;
        return !previous.is("CONSTRAINT");
    }

    String sql() {
        StringBuilder out = new StringBuilder(nameSql);
        if (!type.isEmpty()) out.append(' ').append(type);
        for (Clause c : clauses) out.append(' ').append(c.sql());
        return out.toString();
    }

    boolean has(String kind) {
        for (Clause c : clauses) if (c.is(kind)) return true;
        return false;
    }

    /** Whether the column is declared {@code PRIMARY KEY AUTOINCREMENT}. */
    public boolean autoincrement() {
        for (Clause c : clauses) {
            if (c.is("PRIMARY")) for (Token t : SqlTokens.of(c.sql())) if (t.is("AUTOINCREMENT")) return true;
        }
        return false;
    }

    /** A generated column has no stored value to copy. */
    boolean isGenerated() {
        return has("GENERATED");
    }

    ColumnDef withType(String newType) {
        return new ColumnDef(name, nameSql, newType, clauses);
    }

    ColumnDef withClauses(List<Clause> newClauses) {
        return new ColumnDef(name, nameSql, type, newClauses);
    }

    /** NOT NULL goes after the default, where a fresh column definition has it. */
    ColumnDef withNotNull(boolean notNull) {
        List<Clause> out = new ArrayList<>();
        for (Clause c : clauses) if (!c.is("NOT") && !c.is("NULL")) out.add(c);
        if (notNull) out.add(indexAfter(out, "DEFAULT"), new Clause(null, "NOT", "NOT NULL"));
        return withClauses(out);
    }

    /** {@code expression} null removes the default; a new one goes right after the type. */
    ColumnDef withDefault(String expression) {
        List<Clause> out = new ArrayList<>();
        int at = -1;
        for (Clause c : clauses) {
            if (c.is("DEFAULT")) {
                if (at < 0) at = out.size();
            } else {
                out.add(c);
            }
        }
        if (expression != null) out.add(at < 0 ? 0 : at, new Clause(null, "DEFAULT", "DEFAULT " + expression));
        return withClauses(out);
    }

    /** Adds a constraint at the end. */
    ColumnDef with(Clause clause) {
        List<Clause> out = new ArrayList<>(clauses);
        out.add(clause);
        return withClauses(out);
    }

    private static int indexAfter(List<Clause> clauses, String kind) {
        for (int i = clauses.size() - 1; i >= 0; i--) if (clauses.get(i).is(kind)) return i + 1;
        return 0;
    }
}
