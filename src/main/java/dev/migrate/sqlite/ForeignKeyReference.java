package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.sqlite.SqlTokens.Token;

/**
 * The REFERENCES clause of a SQLite foreign key as written. PRAGMA foreign_key_list keeps the
 * columns and actions but forgets DEFERRABLE, which only the text says.
 *
 * @param columns the columns named after the table; empty means its primary key
 */
public record ForeignKeyReference(String table, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
    public ForeignKeyReference {
        columns = List.copyOf(columns);
    }

    /** The reference that starts at the first REFERENCES of {@code sql} (a column or table constraint), or null. */
    static ForeignKeyReference in(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        int i = 0;
        while (i < tokens.size() && !tokens.get(i).is("REFERENCES")) i++;
        if (i++ == tokens.size()) return null;
        String table = i < tokens.size() ? tokens.get(i++).identifier() : null;
        List<String> columns = new ArrayList<>();
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            int close = SqlTokens.closing(tokens, i);
            int end = close < 0 ? tokens.size() : close;
            for (List<Token> part : SqlTokens.split(tokens, i + 1, end)) {
                if (!part.isEmpty()) columns.add(part.get(0).identifier());
            }
            i = end + 1;
        }
        boolean deferrable = false;
        boolean deferred = false;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("DEFERRABLE")) deferrable = !tokens.get(i - 1).is("NOT");
            if (t.is("INITIALLY") && i + 1 < tokens.size()) deferred = tokens.get(i + 1).is("DEFERRED");
        }
        return new ForeignKeyReference(table, columns, deferrable, deferrable && deferred);
    }
}
