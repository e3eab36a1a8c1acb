package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.inspect.SqlText;
import dev.migrate.sqlite.SqlTokens.Token;

/**
 * What the pragmas do not say about an index or a view, read from the statement that created it
 * ({@code sqlite_master.sql}): an index's expressions and WHERE predicate, a view's query.
 */
final class SqliteStatements {
    private SqliteStatements() {
    }

    /**
     * The keys and predicate of a CREATE INDEX.
     *
     * @param adorned keys written with a sort order or collation, which create_index cannot write
     */
    record IndexKeys(List<String> columns, List<String> expressions, String where, List<String> adorned) {
    }

    static IndexKeys index(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        int on = 0;
        while (on < tokens.size() && !tokens.get(on).is("ON")) on++;
        int open = on;
        while (open < tokens.size() && !tokens.get(open).isSymbol("(")) open++;
        int close = SqlTokens.closing(tokens, open);
        List<String> columns = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        List<String> adorned = new ArrayList<>();
        if (close < 0) return new IndexKeys(columns, expressions, null, adorned);
        for (List<Token> key : SqlTokens.split(tokens, open + 1, close)) {
            int end = key.size();
            int depth = 0;
            for (int k = 0; k < key.size() && end == key.size(); k++) {
                Token t = key.get(k);
                if (t.isSymbol("(")) depth++;
                if (t.isSymbol(")")) depth--;
                if (k > 0 && depth == 0 && (t.is("ASC") || t.is("DESC") || t.is("COLLATE"))) end = k;
            }
            boolean ascending = end == key.size() - 1 && key.get(end).is("ASC");
            if (end < key.size() && !ascending) {
                adorned.add(sql.substring(key.get(0).start(), key.get(key.size() - 1).end()));
            }
            // Keys keep their order: after the first expression, columns are written as expressions too
            String text = SqlText.unwrap(sql.substring(key.get(0).start(), key.get(end - 1).end()));
            List<Token> inner = SqlTokens.of(text);
            if (inner.size() == 1 && inner.get(0).isIdentifier() && expressions.isEmpty()) {
                // (price) is the column price, as SQLite itself reads it
                columns.add(inner.get(0).identifier());
            } else {
                expressions.add(text);
            }
        }
        String where = null;
        if (close + 1 < tokens.size() && tokens.get(close + 1).is("WHERE")) {
            where = stripSemicolon(sql.substring(tokens.get(close + 1).end()));
        }
        return new IndexKeys(columns, expressions, where, adorned);
    }

    /** The query of a CREATE VIEW: everything after its AS. */
    static String viewQuery(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(")) depth++;
            if (t.isSymbol(")")) depth--;
            if (depth == 0 && t.is("AS")) return stripSemicolon(sql.substring(t.end()));
        }
        return stripSemicolon(sql);
    }

    private static String stripSemicolon(String text) {
        String s = text.strip();
        while (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        return s;
    }
}
