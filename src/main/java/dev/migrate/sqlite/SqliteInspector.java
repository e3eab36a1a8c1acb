package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.migrate.engine.Database;
import dev.migrate.inspect.InspectOptions;
import dev.migrate.inspect.Inspection;
import dev.migrate.inspect.Inspector;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.schema.EnumType;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SqlTypes;
import dev.migrate.schema.Table;
import dev.migrate.schema.View;
import dev.migrate.sqlite.SqliteCreateTable.ColumnDefinition;
import dev.migrate.sqlite.SqliteCreateTable.Constraint;
import dev.migrate.sqlite.SqliteCreateTable.Kind;
import io.smallrye.mutiny.Uni;

/**
 * Reads a SQLite database with four queries: {@code sqlite_master} itself, and
 * {@code sqlite_master} joined with the pragma table-valued functions for columns, foreign keys and
 * index columns, each covering every table at once (SQLite 3.37 or later, which the driver
 * bundles). What the pragmas do not keep (CHECK constraints, constraint names, AUTOINCREMENT,
 * deferrable foreign keys, index expressions and predicates, view queries) is read from the CREATE
 * statements. A {@code VARCHAR(n)} column with the {@code CHECK (col IN (...))} migrate writes for
 * an enum reads back as {@code enum(NAME)} with its values, NAME the check's (the type's) name, and
 * the enum type NAME is listed with those values.
 */
public final class SqliteInspector implements Inspector {
    private static final String USER_OBJECT = "m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
    /** Every object; pragma_table_list tells the shadow tables that belong to a virtual table. */
    static final String OBJECTS = "SELECT m.type, m.name, m.tbl_name, m.sql, m.name IN (SELECT l.name"
            + " FROM pragma_table_list l WHERE l.schema = 'main' AND l.type = 'shadow') FROM sqlite_master m WHERE "
            + USER_OBJECT + " ORDER BY m.type, m.name";
    static final String COLUMNS = "SELECT m.name, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden"
            + " FROM sqlite_master m, pragma_table_xinfo(m.name) c WHERE m.type = 'table' AND " + USER_OBJECT
            + " ORDER BY m.name, c.cid";
    static final String FOREIGN_KEYS = "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete"
            + " FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND " + USER_OBJECT
            + " ORDER BY m.name, f.id, f.seq";
    static final String INDEXES = "SELECT m.name, il.name, il.\"unique\", il.origin, ii.name"
            + " FROM sqlite_master m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii"
            + " WHERE m.type = 'table' AND " + USER_OBJECT + " ORDER BY m.name, il.name, ii.seqno";

    private final InspectOptions options;

    public SqliteInspector(InspectOptions options) {
        this.options = options;
    }

    @Override
    public Uni<Inspection> inspect(Database db) {
        return db.query(OBJECTS).flatMap(objects -> db.query(COLUMNS).flatMap(columns -> db.query(FOREIGN_KEYS)
                .flatMap(fks -> db.query(INDEXES).map(indexes -> build(objects, columns, fks, indexes)))));
    }

    /** One table's rows and statement, gathered from the queries. */
    private static final class Parts {
        final String name;
        final SqliteCreateTable.Definition definition;
        final List<List<String>> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>();
        final Map<String, List<List<String>>> foreignKeys = new LinkedHashMap<>();
        final Map<String, List<String>> indexColumns = new LinkedHashMap<>();
        final Map<String, List<String>> indexRows = new LinkedHashMap<>();

        Parts(String name, String sql) {
            this.name = name;
            this.definition = SqliteCreateTable.parse(sql);
        }
    }

    private Inspection build(List<List<String>> objects, List<List<String>> columnRows, List<List<String>> fkRows,
                             List<List<String>> indexRows) {
        List<String> warnings = new ArrayList<>();
        Map<String, Parts> parts = new TreeMap<>();
        Map<String, String> indexSql = new LinkedHashMap<>();
        List<View> views = new ArrayList<>();
        for (List<String> o : objects) {
            String type = o.get(0);
            String name = o.get(1);
            if (type.equals("table")) {
                if (options.ownTables().contains(name) || "1".equals(o.get(4))) continue;
                if (o.get(3) != null && o.get(3).regionMatches(true, 0, "CREATE VIRTUAL", 0, 14)) {
                    warnings.add("virtual table " + name + " is not part of the schema");
                    continue;
                }
                parts.put(name, new Parts(name, o.get(3)));
            } else if (type.equals("index") && o.get(3) != null) {
                indexSql.put(name, o.get(3));
            } else if (type.equals("view")) {
                views.add(new View(name, SqliteStatements.viewQuery(o.get(3)), false));
            }
        }
        for (List<String> r : columnRows) {
            Parts p = parts.get(r.get(0));
            if (p != null) p.columns.add(r);
        }
        for (List<String> r : fkRows) {
            Parts p = parts.get(r.get(0));
            if (p != null) p.foreignKeys.computeIfAbsent(r.get(1), id -> new ArrayList<>()).add(r);
        }
        for (List<String> r : indexRows) {
            Parts p = parts.get(r.get(0));
            if (p == null) continue;
            p.indexRows.putIfAbsent(r.get(1), r);
            p.indexColumns.computeIfAbsent(r.get(1), n -> new ArrayList<>()).add(r.get(4));
        }
        for (Parts p : parts.values()) {
            List<List<String>> byKey = new ArrayList<>(p.columns);
            byKey.removeIf(r -> Integer.parseInt(r.get(5)) == 0);
            byKey.sort((a, b) -> Integer.compare(Integer.parseInt(a.get(5)), Integer.parseInt(b.get(5))));
            for (List<String> r : byKey) p.primaryKey.add(r.get(1));
        }
        List<Table> tables = new ArrayList<>();
        for (Parts p : parts.values()) tables.add(table(p, parts, indexSql, warnings));
        return new Inspection(Schema.of(List.of(), enums(tables), tables, views, List.of()), warnings);
    }

    /**
     * The enum types the enum columns imply, each with the values of its first column: SQLite
     * keeps no types, but a schema declaring one (as PostgreSQL's does) must compare clean.
     */
    private static List<EnumType> enums(List<Table> tables) {
        Map<String, EnumType> out = new TreeMap<>();
        for (Table t : tables) {
            for (Column c : t.columns()) {
                ColumnType type = c.type();
                if (type.kind() == ColumnType.Kind.ENUM) out.putIfAbsent(type.argument(), new EnumType(type.argument(), null, type.values()));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static Table table(Parts p, Map<String, Parts> all, Map<String, String> indexSql, List<String> warnings) {
        List<Constraint> declared = new ArrayList<>(p.definition.constraints());
        List<CheckConstraint> checks = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (List<String> r : p.columns) {
            String name = r.get(1);
            ColumnDefinition definition = columnDefinition(p, name);
            String declaredType = r.get(2) == null ? "" : r.get(2).strip();
            ColumnType type = declaredType.isEmpty() ? ColumnType.of(ColumnType.Kind.BYTES) : SqlTypes.portable(declaredType);
            if (declaredType.isEmpty()) warnings.add("table " + p.name + ": column " + name + " has no type; read as bytes");
            if ("2".equals(r.get(6)) || "3".equals(r.get(6))) {
                warnings.add("table " + p.name + ": column " + name + " is generated; read as a plain column");
            }
            boolean inKey = p.primaryKey.contains(name);
            if (definition != null) {
                declared.addAll(definition.constraints());
                if (definition.autoincrement() && p.primaryKey.equals(List.of(name))
                        && type.kind() == ColumnType.Kind.INTEGER) {
                    type = ColumnType.of(ColumnType.Kind.IDENTITY);
                }
                for (Constraint c : definition.constraints()) {
                    List<String> values = c.kind() == Kind.CHECK
                            ? SqliteEnumCheck.values(c.expression(), name, declaredType) : null;
                    if (values != null) {
                        // The dialect names the check after the enum type, so the enum operations find every
                        // column using it; an unnamed one (older builds) is read under the column's name.
                        String enumName = c.name() != null ? c.name() : name;
                        type = new ColumnType(ColumnType.Kind.ENUM, null, null, null, null, enumName, values);
                        declared.remove(c);
                        break;
                    }
                }
            }
            columns.add(new Column(name, type, !"1".equals(r.get(3)) && !inKey && !type.isIdentity(),
                    SqliteDefaults.of(r.get(4), type), false, false, null, null));
        }
        PrimaryKey pk = p.primaryKey.isEmpty() ? null : new PrimaryKey(nameOf(declared, Kind.PRIMARY_KEY, p.primaryKey, null), p.primaryKey);
        for (Constraint c : declared) {
            if (c.kind() == Kind.CHECK) checks.add(new CheckConstraint(c.name(), c.expression()));
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : p.indexRows.entrySet()) {
            List<String> row = e.getValue();
            List<String> indexColumns = p.indexColumns.get(e.getKey());
            boolean unique = "1".equals(row.get(2));
            String origin = row.get(3);
            if (origin.equals("u")) {
                uniques.add(new UniqueConstraint(nameOf(declared, Kind.UNIQUE, indexColumns, null), indexColumns));
            } else if (origin.equals("c")) {
                String sql = indexSql.get(e.getKey());
                SqliteStatements.IndexKeys keys = SqliteStatements.index(sql == null ? "" : sql);
                for (String key : keys.adorned()) {
                    warnings.add("table " + p.name + ": index " + e.getKey() + ": the sort order or collation of key "
                            + key + " is not kept (create_index cannot write it)");
                }
                indexes.add(new Index(e.getKey(), p.name, keys.columns(), keys.expressions(), unique, keys.where(), null,
                        List.of()));
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (List<List<String>> rows : p.foreignKeys.values()) {
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (List<String> r : rows) {
                from.add(r.get(3));
                to.add(r.get(4));
            }
            List<String> first = rows.get(0);
            String refTable = first.get(2);
            Parts target = all.get(refTable);
            if (to.contains(null) && target != null) to = target.primaryKey;
            Constraint text = foreignKeyText(declared, from, refTable);
            foreignKeys.add(new ForeignKey(text == null ? null : text.name(), from, refTable, to, action(first.get(6)),
                    action(first.get(5)), text != null && text.deferrable(), text != null && text.initiallyDeferred()));
        }
        return Table.of(p.name, columns, pk, uniques, foreignKeys, checks, indexes, null);
    }

    private static ColumnDefinition columnDefinition(Parts p, String name) {
        for (ColumnDefinition d : p.definition.columns()) if (d.name().equalsIgnoreCase(name)) return d;
        return null;
    }

    /** The name the CREATE TABLE gives the constraint of that kind on those columns, or null. */
    private static String nameOf(List<Constraint> declared, Kind kind, List<String> columns, String refTable) {
        for (Constraint c : declared) {
            if (c.kind() == kind && sameNames(c.columns(), columns)
                    && (refTable == null || refTable.equalsIgnoreCase(c.refTable()))) {
                return c.name();
            }
        }
        return null;
    }

    private static Constraint foreignKeyText(List<Constraint> declared, List<String> columns, String refTable) {
        for (Constraint c : declared) {
            if (c.kind() == Kind.FOREIGN_KEY && sameNames(c.columns(), columns) && refTable.equalsIgnoreCase(c.refTable())) {
                return c;
            }
        }
        return null;
    }

    /** SQLite names are case-insensitive. */
    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!a.get(i).equalsIgnoreCase(b.get(i))) return false;
        return true;
    }

    /** The pragma's action; NO ACTION, the default, is null. */
    private static String action(String text) {
        if (text == null) return null;
        String a = text.strip().toUpperCase(Locale.ROOT);
        return a.equals("NO ACTION") || a.isEmpty() ? null : a;
    }
}
