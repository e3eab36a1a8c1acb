package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.sqlite.SqlTokens.Token;

/**
 * One table constraint of a SQLite CREATE TABLE, kept as written.
 *
 * @param name    given by {@code CONSTRAINT name}, or null
 * @param kind    {@code PRIMARY}, {@code UNIQUE}, {@code CHECK} or {@code FOREIGN}
 * @param columns the constrained columns (primary key, unique, foreign key); empty for a check
 */
public record TableConstraintDef(String name, String kind, List<String> columns, String sql) {
    public TableConstraintDef {
        columns = List.copyOf(columns);
    }

    /** Whether a definition starting with {@code first} is a table constraint rather than a column. */
    static boolean starts(Token first) {
        return first.is("CONSTRAINT") || first.is("PRIMARY") || first.is("UNIQUE") || first.is("CHECK")
                || first.is("FOREIGN");
    }

    static TableConstraintDef parse(String sql, List<Token> tokens) {
        int i = 0;
        String name = null;
        if (tokens.get(0).is("CONSTRAINT") && tokens.size() > 1) {
            name = tokens.get(1).identifier();
            i = 2;
        }
        String kind = i < tokens.size() ? tokens.get(i).text().toUpperCase(Locale.ROOT) : "";
        List<String> columns = new ArrayList<>();
        if (!kind.equals("CHECK")) {
            int open = i;
            while (open < tokens.size() && !tokens.get(open).isSymbol("(")) open++;
            int close = open < tokens.size() ? SqlTokens.closing(tokens, open) : -1;
            // The first word of each item: an indexed column may add COLLATE, ASC or DESC.
            for (List<Token> item : close < 0 ? List.<List<Token>>of() : SqlTokens.split(tokens, open + 1, close)) {
                if (!item.isEmpty()) columns.add(item.get(0).identifier());
            }
        }
        return new TableConstraintDef(name, kind, columns, sql.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end()));
    }

    /** A CHECK's expression as written, or null for another kind. */
    public String checkExpression() {
        return kind.equals("CHECK") ? SqlTokens.parenthesised(sql) : null;
    }

    /** A FOREIGN KEY's reference, or null for another kind. */
    public ForeignKeyReference reference() {
        return kind.equals("FOREIGN") ? ForeignKeyReference.in(sql) : null;
    }

    /** Whether this constraint involves {@code column}: lists it, or names it in its expression. */
    boolean involves(String column) {
        for (String c : columns) if (c.equalsIgnoreCase(column)) return true;
        return kind.equals("CHECK") && SqlTokens.mentions(SqlTokens.of(sql), column);
    }
}
