package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

import dev.migrate.sqlite.SqlTokens.Token;
import dev.migrate.sqlite.SqlTokens.Type;

/**
 * What SQLite's ALTER TABLE ... RENAME does to the stored schema, replayed on the model: the new
 * name is written wherever the old one stood — in the table's text, its indexes and triggers, and
 * the foreign keys of other tables — quoted as SQLite quotes it. References inside trigger bodies
 * and views, which SQLite rewrites with a full parse, make those objects unknown instead.
 */
final class SchemaRenames {
    private SchemaRenames() {
    }

    /** {@code ALTER TABLE table RENAME TO to}. */
    static void table(List<ModelEntry> entries, ModelEntry table, Token to, String origin) {
        String old = table.name;
        String replacement = SqliteSchemaModel.quoted(to.identifier());
        for (ModelEntry e : entries) {
            if (e.unknown != null) continue;
            List<Token> tokens = SqlTokens.of(e.sql);
            TreeMap<Integer, Token> edits = new TreeMap<>();
            if (e == table) {
                edits.put(2, tokens.get(2));
                // a column qualified by the table's own name, in a CHECK or a generated column
                for (int k = 3; k + 1 < tokens.size(); k++) {
                    if (tokens.get(k).names(old) && tokens.get(k + 1).isSymbol(".")) edits.put(k, tokens.get(k));
                }
            }
            for (int k = 0; k + 1 < tokens.size(); k++) {
                if (tokens.get(k).is("REFERENCES") && tokens.get(k + 1).names(old)) edits.put(k + 1, tokens.get(k + 1));
            }
            boolean owned = (e.type.equals("index") || e.type.equals("trigger")) && e.table.equalsIgnoreCase(old);
            int on = owned ? onToken(tokens) : -1;
            if (on >= 0) edits.put(on + 1, tokens.get(on + 1));
            if (e.type.equals("trigger") || e.type.equals("view")) {
                for (int k = 2; k < tokens.size(); k++) {
                    if (k != on + 1 && tokens.get(k).names(old)) {
                        e.unknown = new ModelEntry.Unknown(origin, "SQLite rewrites the renamed table " + old + " inside "
                                + e.type + " " + e.name + ", which migrate does not follow");
                    }
                }
            }
            if (e.unknown == null) e.sql = CreateTableText.replace(e.sql, byStart(edits), x -> replacement);
        }
        for (ModelEntry e : entries) if (e.table.equalsIgnoreCase(old)) e.table = to.identifier();
        table.name = to.identifier();
        table.table = to.identifier();
    }

    /**
     * {@code ALTER TABLE table RENAME COLUMN old TO to}: SQLite writes the new name bare where both
     * it and the old reference were bare, quoted otherwise.
     */
    static void column(List<ModelEntry> entries, ModelEntry table, String old, Token to, String origin) {
        if (table.unknown != null) return;
        CreateTableText own = CreateTableText.parse(table.sql);
        if (own == null || !own.hasColumn(old)) return;
        Function<Token, String> replacement = x -> to.type() == Type.WORD && x.type() == Type.WORD
                ? to.identifier() : SqliteSchemaModel.quoted(to.identifier());
        for (ModelEntry e : entries) {
            if (e.unknown != null) continue;
            List<Token> tokens = SqlTokens.of(e.sql);
            List<Token> refs = new ArrayList<>();
            if (e == table) {
                refs.addAll(own.columnReferences(table.name, old));
            } else if (e.type.equals("table")) {
                for (int k = 0; k < tokens.size(); k++) {
                    if (tokens.get(k).is("REFERENCES")) k = CreateTableText.references(tokens, k, table.name, old, refs);
                }
            } else if (e.type.equals("index") && e.table.equalsIgnoreCase(table.name)) {
                int on = onToken(tokens);
                for (int k = on + 2; on >= 0 && k < tokens.size(); k++) {
                    if (CreateTableText.refersTo(tokens, k, table.name, old)) refs.add(tokens.get(k));
                }
            } else if (e.type.equals("trigger") || e.type.equals("view")) {
                for (int k = 2; k < tokens.size(); k++) {
                    if (tokens.get(k).names(old)) {
                        e.unknown = new ModelEntry.Unknown(origin, "SQLite rewrites the renamed column " + table.name + "." + old
                                + " inside " + e.type + " " + e.name + ", which migrate does not follow");
                    }
                }
            }
            TreeMap<Integer, Token> edits = new TreeMap<>();
            for (Token r : refs) edits.put(r.start(), r);
            if (e.unknown == null && !edits.isEmpty()) e.sql = CreateTableText.replace(e.sql, edits, replacement);
        }
    }

    private static TreeMap<Integer, Token> byStart(TreeMap<Integer, Token> byIndex) {
        TreeMap<Integer, Token> out = new TreeMap<>();
        for (Token x : byIndex.values()) out.put(x.start(), x);
        return out;
    }

    /** The index of the ON before the table name of an index or trigger text, or -1. */
    private static int onToken(List<Token> tokens) {
        for (int k = 2; k + 1 < tokens.size(); k++) {
            if (tokens.get(k).is("BEGIN")) return -1;
            if (tokens.get(k).is("ON")) return k;
        }
        return -1;
    }
}
