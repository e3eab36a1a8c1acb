package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.DropEnum;
import dev.migrate.ops.EnumOperation;
import dev.migrate.ops.RenameEnumValue;
import dev.migrate.ops.ReplaceEnumValues;
import dev.migrate.sql.Catalog;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Statement;
import io.smallrye.mutiny.Uni;

/**
 * The enum operations on SQLite, which has no enum types: the values of an enum live in the
 * {@link EnumCheck} of each column that uses it. Creating or dropping the type has nothing to do;
 * changing its values rebuilds every table with such a column, with the new check (and a VARCHAR
 * length that fits). A renamed value is renamed in the rows by the rebuild's copy; replacing the
 * values is refused, naming table, column and row count, when a row holds a removed value.
 */
final class SqliteEnums {
    /** A column of a table whose check holds the enum's values. */
    private record Use(TableDef table, ColumnDef column, EnumCheck check) {
    }

    List<Statement> render(EnumOperation op) {
        if (op instanceof CreateEnum || op instanceof DropEnum) return List.of();
        String name = EnumCheck.nameOf(op.name());
        return TableRebuilds.statements(op, null, "rebuild of the tables whose columns use enum " + name + " for "
                + op.kind(), (schema, catalog) -> {
                    List<Use> uses = uses(schema, name);
                    Uni<Void> checked = op instanceof ReplaceEnumValues r ? refuseRemoved(r, uses, catalog)
                            : Uni.createFrom().voidItem();
                    return checked.map(v -> rebuilds(op, schema, uses));
                });
    }

    private static List<Use> uses(SqliteSchema schema, String name) {
        List<Use> out = new ArrayList<>();
        for (SchemaObject o : schema.tables()) {
            TableDef table;
            try {
                table = TableDef.parse(o.sql());
            } catch (IllegalArgumentException e) {
                continue; // a virtual table: its module, not a CHECK, says what it holds
            }
            for (ColumnDef c : table.columns()) {
                for (ColumnDef.Clause clause : c.clauses()) {
                    EnumCheck check = EnumCheck.of(clause, c.name());
                    if (check != null && check.name().equalsIgnoreCase(name)) out.add(new Use(table, c, check));
                }
            }
        }
        return out;
    }

    private static List<String> rebuilds(EnumOperation op, SqliteSchema schema, List<Use> uses) {
        Map<String, TableChange> changes = new LinkedHashMap<>();
        Map<String, TableDef> originals = new LinkedHashMap<>();
        for (Use use : uses) {
            List<String> values = newValues(op, use);
            if (values.equals(use.check().values())) continue;
            String key = use.table().name();
            originals.putIfAbsent(key, use.table());
            TableChange change = changes.getOrDefault(key, TableChange.of(use.table(), use.table()));
            EnumCheck check = new EnumCheck(use.check().name(), values);
            TableDef edited = change.table().withColumn(use.column().name(), c -> renamedDefault(op, rewritten(c, use.check(), check)));
            change = new TableChange(edited, change.copy(), change.droppedIndexes());
            if (op instanceof RenameEnumValue r) {
                SqliteDialect d = SqliteDialect.INSTANCE;
                String column = use.column().nameSql();
                change = change.copying(use.column().name(), "CASE " + column + " WHEN " + d.literal(r.value()) + " THEN "
                        + d.literal(r.newValue()) + " ELSE " + column + " END");
            }
            changes.put(key, change);
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, TableChange> e : changes.entrySet()) {
            out.addAll(Rebuild.sql(schema, null, originals.get(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** The column with {@code check} in place of {@code old}, and a VARCHAR length that fits its values. */
    private static ColumnDef rewritten(ColumnDef column, EnumCheck old, EnumCheck check) {
        List<ColumnDef.Clause> clauses = new ArrayList<>();
        for (ColumnDef.Clause c : column.clauses()) {
            EnumCheck found = EnumCheck.of(c, column.name());
            clauses.add(found != null && found.equals(old) ? check.clause(column.name()) : c);
        }
        ColumnDef out = column.withClauses(clauses);
        return column.type().matches("(?i)VARCHAR\\s*\\(\\s*\\d+\\s*\\)") ? out.withType(check.type()) : out;
    }

    /**
     * A default holding a renamed value follows it, as it does on PostgreSQL, where the default
     * refers to the enum's value rather than to its text.
     */
    private static ColumnDef renamedDefault(EnumOperation op, ColumnDef column) {
        if (!(op instanceof RenameEnumValue r)) return column;
        SqliteDialect d = SqliteDialect.INSTANCE;
        for (ColumnDef.Clause c : column.clauses()) {
            List<SqlTokens.Token> t = SqlTokens.of(c.sql());
            if (c.is("DEFAULT") && c.name() == null && t.size() == 2 && t.get(1).type() == SqlTokens.Type.STRING
                    && t.get(1).text().equals(d.literal(r.value()))) {
                return column.withDefault(d.literal(r.newValue()));
            }
        }
        return column;
    }

    private static List<String> newValues(EnumOperation op, Use use) {
        List<String> values = new ArrayList<>(use.check().values());
        String where = " (column " + use.column().name() + " of table " + use.table().name() + ")";
        if (op instanceof AddEnumValue a) {
            if (values.contains(a.value())) {
                if (a.ifNotExists()) return values;
                throw new CheckFailed("enum " + op.name() + " already has value '" + a.value() + "'" + where
                        + "; write if_not_exists: true to accept that");
            }
            String anchor = a.before() != null ? a.before() : a.after();
            int at = values.size();
            if (anchor != null) {
                at = values.indexOf(anchor);
                if (at < 0) throw new CheckFailed("enum " + op.name() + " has no value '" + anchor + "'" + where);
                if (a.after() != null) at++;
            }
            values.add(at, a.value());
            return values;
        }
        if (op instanceof RenameEnumValue r) {
            int at = values.indexOf(r.value());
            if (at < 0) throw new CheckFailed("enum " + op.name() + " has no value '" + r.value() + "'" + where);
            if (values.contains(r.newValue())) {
                throw new CheckFailed("enum " + op.name() + " already has value '" + r.newValue() + "'" + where);
            }
            values.set(at, r.newValue());
            return values;
        }
        return ((ReplaceEnumValues) op).values();
    }

    private static Uni<Void> refuseRemoved(ReplaceEnumValues op, List<Use> uses, Catalog catalog) {
        SqliteDialect d = SqliteDialect.INSTANCE;
        List<String> kept = new ArrayList<>();
        for (String v : op.values()) kept.add(d.literal(v));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Use use : uses) {
            String column = use.column().nameSql();
            String sql = "SELECT count(*), group_concat(DISTINCT " + column + ") FROM " + d.quote(use.table().name())
                    + " WHERE " + column + " NOT IN (" + String.join(", ", kept) + ")";
            chain = chain.flatMap(v -> catalog.query(sql)).map(rows -> {
                long found = Long.parseLong(rows.get(0).get(0));
                if (found > 0) {
                    throw new CheckFailed("replace_enum_values cannot change enum " + op.name() + ": " + found
                            + " row(s) of table " + use.table().name() + " hold values it removes (" + rows.get(0).get(1)
                            + " in column " + use.column().name() + "); update or delete those rows first");
                }
                return null;
            });
        }
        return chain;
    }
}
