package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.MigrateException;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Computed;
import dev.migrate.sql.OfflineCatalog;
import dev.migrate.sqlite.SqlTokens.Token;
import dev.migrate.sqlite.SqlTokens.Type;

/**
 * An in-memory {@code sqlite_master}, kept by replaying the statements of the revisions in order:
 * for each table its {@code CREATE TABLE} text, indexes and triggers, as SQLite itself would store
 * them after CREATE, DROP and ALTER TABLE (RENAME TO, RENAME COLUMN, ADD COLUMN, DROP COLUMN). It
 * is what a table rebuild reads when there is no database to read it from ({@code --sql}).
 *
 * <p>A statement it cannot follow (DDL it does not parse, a table made from a query, SQLite's
 * rewriting of a renamed column inside a trigger or view) makes the objects it may have changed
 * unknown, remembering which revision did it; asking for an unknown table then fails naming both
 * revisions, rather than rebuilding from a wrong definition.
 */
public final class SqliteSchemaModel implements OfflineCatalog {
    /** Statements that change no schema object. */
    private static final Set<String> NO_SCHEMA_CHANGE = Set.of("INSERT", "UPDATE", "DELETE", "SELECT", "WITH",
            "REPLACE", "VALUES", "PRAGMA", "ANALYZE", "VACUUM", "REINDEX", "BEGIN", "COMMIT", "END", "ROLLBACK",
            "SAVEPOINT", "RELEASE", "EXPLAIN", "ATTACH", "DETACH");

    private final List<ModelEntry> entries = new ArrayList<>();
    /** Set once a statement may have created or changed objects the model cannot name. */
    private ModelEntry.Unknown others;

    /** The online session connects with foreign keys enforced ({@link SqliteDatabase}); the script switches them on. */
    @Override
    public List<String> sessionSetUp() {
        return List.of(TableRebuilds.FOREIGN_KEYS_ON);
    }

    /**
     * A rebuild's SQL written from the model, through the {@link ModelCatalog} it reads. A rebuild
     * of a table whose definition the model does not know fails naming the revision that made it
     * unknown, rather than rebuilding from a wrong definition.
     */
    @Override
    public List<String> write(Computed computed, String origin) {
        ModelCatalog catalog = new ModelCatalog(this);
        List<String> sql;
        try {
            sql = computed.sql(catalog).await().indefinitely();
        } catch (CheckFailed e) {
            MigrateException why = explain(origin, e.getMessage());
            throw why != null ? why : new MigrateException(origin + ": " + e.getMessage());
        } catch (MigrateException e) {
            throw new MigrateException(origin + ": " + e.getMessage(), e);
        }
        for (String statement : sql) {
            String dropped = droppedTable(statement);
            if (dropped != null) require(dropped, origin);
        }
        List<String> out = new ArrayList<>(catalog.checks());
        out.addAll(sql);
        return out;
    }

    /** The table of a {@code DROP TABLE} of the main database (how a rebuild replaces it), else null. */
    private static String droppedTable(String sql) {
        List<Token> t = SqlTokens.of(sql);
        if (t.size() != 3 || !t.get(0).is("DROP") || !t.get(1).is("TABLE") || !t.get(2).isIdentifier()) return null;
        return t.get(2).identifier();
    }

    /** Follows one statement; {@code origin} names where it comes from ({@code revision X (file:line)}) for errors. */
    @Override
    public void apply(String sql, String origin) {
        List<Token> t = SqlTokens.of(sql);
        if (t.isEmpty()) return;
        Token first = t.get(0);
        if (first.type() == Type.WORD && NO_SCHEMA_CHANGE.contains(first.text().toUpperCase(Locale.ROOT))) return;
        Statement s = new Statement(sql, t, origin);
        if (first.is("CREATE")) s.create();
        else if (first.is("DROP")) s.drop();
        else if (first.is("ALTER")) s.alter();
        else forgetAll(origin, "it runs " + abbreviate(sql));
    }

    /** Makes every object unknown from here on, because of {@code origin}. */
    @Override
    public void forgetAll(String origin, String reason) {
        others = new ModelEntry.Unknown(origin, reason);
        for (ModelEntry e : entries) e.unknown = others;
    }

    /**
     * The definition of {@code table}, or a failure naming {@code neededBy} (the revision that
     * wants to rebuild it, with file and line) and why the definition is not known.
     */
    public TableSchema require(String table, String neededBy) {
        ModelEntry t = find("table", table);
        String wanted = neededBy + " needs the definition of table " + table + " to rebuild it on sqlite, but ";
        String online = "; run it online (without --sql), where the definition is read from the database";
        if (t == null) {
            throw new MigrateException(wanted + (others == null ? "no earlier revision creates it" + online
                    : because(others) + online + ", or write that change as operations"));
        }
        List<String> indexes = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        for (ModelEntry e : entries) {
            if (e != t && !e.table.equalsIgnoreCase(t.name)) continue;
            if (e.type.equals("view")) continue;
            if (e.unknown != null) throw new MigrateException(wanted + because(e.unknown) + online + ", or write that change as operations");
            if (e.type.equals("index")) indexes.add(e.sql);
            if (e.type.equals("trigger")) triggers.add(e.sql);
        }
        return new TableSchema(t.name, t.sql, indexes, triggers);
    }

    /**
     * Why a rebuild that failed with {@code failure} while written offline cannot be trusted: the
     * model's failure naming {@code neededBy} and the revision whose SQL it could not follow, when
     * the failure names a table whose definition is unknown or the model has forgotten objects it
     * cannot name; null when the model knows everything the failure is about.
     */
    public MigrateException explain(String neededBy, String failure) {
        for (ModelEntry e : entries) {
            if (!e.type.equals("table") || e.unknown == null || !mentions(failure, e.name)) continue;
            try {
                require(e.name, neededBy);
            } catch (MigrateException m) {
                return m;
            }
        }
        if (others == null) return null;
        return new MigrateException(neededBy + " cannot be written for sqlite without a database (" + failure + "): "
                + because(others) + "; run it online (without --sql), where the schema is read from the database,"
                + " or write that change as operations");
    }

    private static boolean mentions(String text, String name) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])",
                Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    /** Every object as the row {@code SELECT type, name, tbl_name, sql FROM sqlite_master} gives, in creation order. */
    public List<List<String>> masterRows() {
        return entries.stream().map(e -> Arrays.asList(e.type, e.name, e.table, e.sql)).toList();
    }

    private static String because(ModelEntry.Unknown u) {
        return u.origin() + " changes the schema with SQL that migrate cannot follow without a database (" + u.reason() + ")";
    }

    /** Every object, known or not, in creation order, as {@code sqlite_master} rows. */
    public List<SchemaObject> objects() {
        return entries.stream().map(e -> new SchemaObject(e.type, e.name, e.table, e.sql)).toList();
    }

    /** Whether the text of the object of this type and name is known. */
    public boolean knows(String type, String name) {
        ModelEntry e = find(type, name);
        return e != null && e.unknown == null;
    }

    private ModelEntry find(String type, String name) {
        for (ModelEntry e : entries) if (e.type.equals(type) && e.name.equalsIgnoreCase(name)) return e;
        return null;
    }

    static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + " ...";
    }

    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** One statement being followed: a cursor over its tokens. */
    private final class Statement {
        private final String sql;
        private final List<Token> t;
        private final String origin;
        private int i = 1;

        Statement(String sql, List<Token> tokens, String origin) {
            this.sql = sql;
            this.t = tokens;
            this.origin = origin;
        }

        private Token peek() {
            return i < t.size() ? t.get(i) : null;
        }

        private boolean accept(String keyword) {
            Token p = peek();
            if (p != null && p.is(keyword)) {
                i++;
                return true;
            }
            return false;
        }

        private boolean acceptAll(String... keywords) {
            int at = i;
            for (String k : keywords) {
                if (!accept(k)) {
                    i = at;
                    return false;
                }
            }
            return true;
        }

        /**
         * The object name at the cursor, unqualified: {@code main.x} is {@code x}; null for another
         * schema (attached or temp), whose objects the model does not hold, or no name at all.
         */
        private Token name() {
            Token first = peek();
            if (first == null || !first.isIdentifier()) return null;
            i++;
            if (peek() != null && peek().isSymbol(".")) {
                i++;
                Token second = peek();
                if (second == null || !second.isIdentifier()) return null;
                i++;
                return first.names("main") ? second : null;
            }
            return first;
        }

        /** The text SQLite stores: the normalised keywords, then everything from the name to the last token. */
        private String stored(String keywords, Token name) {
            return keywords + " " + sql.substring(name.start(), t.get(t.size() - 1).end());
        }

        private void unknownStatement() {
            forgetAll(origin, "it runs " + abbreviate(sql));
        }

        void create() {
            if (accept("TEMP") || accept("TEMPORARY")) return; // temporary objects vanish with the session
            boolean unique = accept("UNIQUE");
            if (accept("VIRTUAL")) {
                if (!accept("TABLE")) {
                    unknownStatement();
                    return;
                }
                acceptAll("IF", "NOT", "EXISTS");
                Token name = name();
                if (name == null) return;
                ModelEntry e = new ModelEntry("table", name.identifier(), name.identifier(), stored("CREATE VIRTUAL TABLE", name));
                e.unknown = new ModelEntry.Unknown(origin, "a virtual table, whose shadow tables the module creates");
                entries.add(e);
            } else if (accept("TABLE")) {
                createTable();
            } else if (accept("INDEX")) {
                createIndex(unique);
            } else if (accept("VIEW")) {
                createView();
            } else if (accept("TRIGGER")) {
                createTrigger();
            } else {
                unknownStatement();
            }
        }

        private void createTable() {
            boolean ifNotExists = acceptAll("IF", "NOT", "EXISTS");
            Token name = name();
            if (name == null || find("table", name.identifier()) != null || find("view", name.identifier()) != null) return;
            ModelEntry e = new ModelEntry("table", name.identifier(), name.identifier(), stored("CREATE TABLE", name));
            if (peek() != null && peek().is("AS")) {
                e.unknown = new ModelEntry.Unknown(origin, "table " + name.identifier() + " is created from a query");
            } else if (CreateTableText.parse(e.sql) == null) {
                e.unknown = new ModelEntry.Unknown(origin, "it runs " + abbreviate(sql));
            } else if (ifNotExists && others != null) {
                e.unknown = others; // it may have existed already, with another definition
            }
            entries.add(e);
        }

        private void createIndex(boolean unique) {
            boolean ifNotExists = acceptAll("IF", "NOT", "EXISTS");
            Token name = name();
            if (name == null || find("index", name.identifier()) != null) return;
            if (!accept("ON") || peek() == null || !peek().isIdentifier()) {
                unknownStatement();
                return;
            }
            ModelEntry table = find("table", peek().identifier());
            ModelEntry e = new ModelEntry("index", name.identifier(), table != null ? table.name : peek().identifier(),
                    stored(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX", name));
            if (table == null || (ifNotExists && others != null)) e.unknown = others;
            entries.add(e);
        }

        private void createView() {
            boolean ifNotExists = acceptAll("IF", "NOT", "EXISTS");
            Token name = name();
            if (name == null || find("view", name.identifier()) != null || find("table", name.identifier()) != null) return;
            ModelEntry e = new ModelEntry("view", name.identifier(), name.identifier(), stored("CREATE VIEW", name));
            if (ifNotExists) e.unknown = others;
            entries.add(e);
        }

        private void createTrigger() {
            boolean ifNotExists = acceptAll("IF", "NOT", "EXISTS");
            Token name = name();
            if (name == null || find("trigger", name.identifier()) != null) return;
            int on = i;
            while (on < t.size() && !t.get(on).is("ON") && !t.get(on).is("BEGIN")) on++;
            if (on + 1 >= t.size() || !t.get(on).is("ON")) {
                unknownStatement();
                return;
            }
            i = on + 1;
            Token target = name();
            if (target == null) return;
            ModelEntry table = find("table", target.identifier());
            if (table == null) table = find("view", target.identifier());
            ModelEntry e = new ModelEntry("trigger", name.identifier(), table != null ? table.name : target.identifier(),
                    stored("CREATE TRIGGER", name));
            if (table == null || (ifNotExists && others != null)) e.unknown = others;
            entries.add(e);
        }

        void drop() {
            String type = accept("TABLE") ? "table" : accept("INDEX") ? "index" : accept("VIEW") ? "view"
                    : accept("TRIGGER") ? "trigger" : null;
            if (type == null) {
                unknownStatement();
                return;
            }
            acceptAll("IF", "EXISTS");
            Token name = name();
            if (name == null) return;
            ModelEntry e = find(type, name.identifier());
            if (e == null) return;
            entries.remove(e);
            if (type.equals("table")) {
                entries.removeIf(x -> (x.type.equals("index") || x.type.equals("trigger")) && x.table.equalsIgnoreCase(e.name));
            }
        }

        void alter() {
            if (!accept("TABLE")) {
                unknownStatement();
                return;
            }
            Token name = name();
            if (name == null) return;
            ModelEntry table = find("table", name.identifier());
            if (table == null) return; // the statement fails on the database, or concerns a table already unknown
            if (acceptAll("RENAME", "TO")) {
                if (peek() != null && peek().isIdentifier()) SchemaRenames.table(entries, table, peek(), origin);
            } else if (accept("RENAME")) {
                accept("COLUMN");
                Token old = peek();
                i++;
                if (old != null && old.isIdentifier() && accept("TO") && peek() != null && peek().isIdentifier()) {
                    SchemaRenames.column(entries, table, old.identifier(), peek(), origin);
                } else {
                    unknown(table);
                }
            } else if (accept("ADD")) {
                accept("COLUMN");
                if (peek() == null || table.unknown != null) return;
                if (CreateTableText.startsConstraint(peek())) {
                    unknown(table); // not SQLite syntax; whatever runs it, the model cannot follow
                    return;
                }
                CreateTableText text = CreateTableText.parse(table.sql);
                String definition = sql.substring(peek().start(), t.get(t.size() - 1).end());
                if (text == null) unknown(table);
                else table.sql = text.addColumn(definition);
            } else if (accept("DROP")) {
                accept("COLUMN");
                if (peek() == null || !peek().isIdentifier() || table.unknown != null) return;
                CreateTableText text = CreateTableText.parse(table.sql);
                String after = text == null ? null : text.dropColumn(peek().identifier());
                if (after != null) table.sql = after;
            } else {
                unknown(table);
            }
        }

        private void unknown(ModelEntry e) {
            e.unknown = new ModelEntry.Unknown(origin, "it runs " + abbreviate(sql));
        }

    }
}
