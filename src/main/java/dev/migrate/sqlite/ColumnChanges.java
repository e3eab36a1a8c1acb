package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.ServerDefault;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Statement;
import io.smallrye.mutiny.Uni;

/**
 * add_column, alter_column and drop_column on SQLite: in place where ALTER TABLE can do it, by a
 * table rebuild otherwise. Types, defaults and checks are rendered when the revision is read, so
 * a type SQLite cannot express fails naming the file and line before anything runs; only their
 * place in the table waits for the run.
 */
final class ColumnChanges {
    private final SqliteDialect dialect;

    ColumnChanges(SqliteDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * ALTER TABLE ADD COLUMN refuses a primary key, a unique column, NOT NULL without a default,
     * a default that is not a constant (now(), uuid(), an expression) on a table with rows, and a
     * foreign key with a default; the rebuild takes all of them, filling existing rows with the
     * default as PostgreSQL does.
     */
    List<Statement> add(AddColumn op) {
        Column c = op.column();
        String definition = dialect.columnSql(op, c) + (c.primaryKey() ? " PRIMARY KEY" : "");
        boolean constantDefault = c.serverDefault() == null || c.serverDefault().kind() == ServerDefault.Kind.LITERAL;
        boolean nullDefault = c.serverDefault() == null || c.serverDefault().value() == null;
        boolean inPlace = !c.primaryKey() && !c.unique() && (c.nullable() || !nullDefault) && constantDefault
                && (c.references() == null || nullDefault);
        if (inPlace) return List.of(new Statement("ALTER TABLE " + dialect.table(op.table()) + " ADD COLUMN " + definition, op.line()));
        ColumnDef column = ColumnDef.parse(definition, SqlTokens.of(definition));
        return TableRebuilds.rebuild(op, op.table(), table -> {
            if (table.column(c.name()) != null) {
                throw new CheckFailed("table " + table.name() + " already has a column " + c.name());
            }
            return TableChange.of(table, table.plus(column));
        });
    }

    /**
     * A change of type, nullability or default rebuilds the table; {@code using} becomes the
     * expression that copies the column. A rename runs in place, after the rebuild (SQLite's
     * RENAME COLUMN also renames the column in indexes, triggers and views).
     */
    List<Statement> alter(AlterColumn op) {
        List<Statement> out = new ArrayList<>();
        if (op.type() != null || op.nullable() != null || op.serverDefault() != null) {
            String type = op.type() == null ? null : dialect.typeSql(op, op.type());
            ColumnType typeOfDefault = op.type() != null ? op.type() : op.existingType();
            ServerDefault newDefault = op.serverDefault() == null ? null : op.serverDefault().value();
            String defaultSql = newDefault == null ? null : dialect.defaultSql(newDefault, typeOfDefault);
            EnumCheck check = op.type() != null && op.type().kind() == ColumnType.Kind.ENUM
                    ? new EnumCheck(EnumCheck.nameOf(op.type().argument()), op.type().values()) : null;
            out.addAll(TableRebuilds.rebuild(op, op.table(), op.using() == null, table -> {
                ColumnDef column = existing(table, op.column());
                ColumnDef changed = column;
                if (type != null) {
                    changed = withoutEnumCheck(changed).withType(type);
                    if (check != null) changed = changed.with(check.clause(column.name()));
                }
                if (op.nullable() != null) changed = changed.withNotNull(!op.nullable());
                if (op.serverDefault() != null) changed = changed.withDefault(defaultSql);
                ColumnDef result = changed;
                TableChange change = TableChange.of(table, table.withColumn(column.name(), c -> result));
                return op.using() == null ? change : change.copying(column.name(), op.using());
            }));
        }
        if (op.newName() != null) {
            out.add(new Statement("ALTER TABLE " + dialect.table(op.table()) + " RENAME COLUMN " + dialect.quote(op.column())
                    + " TO " + dialect.quote(op.newName()), op.line()));
        }
        return out;
    }

    /**
     * In place when nothing else in the table's schema names the column, as SQLite's DROP COLUMN
     * requires; otherwise by a rebuild that also drops the constraints and indexes on the
     * column, as PostgreSQL does. A view or trigger that uses the column is refused, as
     * PostgreSQL refuses it, rather than left broken.
     */
    List<Statement> drop(DropColumn op) {
        String[] name = TableRebuilds.split(op.table());
        return TableRebuilds.statements(op, name[0], "drop of column " + op.column() + " of table " + op.table(),
                (schema, catalog) -> {
                    TableDef table = TableRebuilds.table(schema, name[1]);
                    ColumnDef column = existing(table, op.column());
                    for (SchemaObject o : schema.dependents(table.name())) {
                        if (SqlTokens.mentions(SqlTokens.of(o.sql()), column.name())) throw usedBy(table, column, o);
                    }
                    List<SchemaObject> indexes = new ArrayList<>();
                    for (SchemaObject o : schema.attachedTo(table.name())) {
                        if (o.is("trigger") && SqlTokens.mentions(SqlTokens.of(o.sql()), column.name())) {
                            throw usedBy(table, column, o);
                        }
                        if (o.is("index") && indexMentions(o.sql(), column.name())) indexes.add(o);
                    }
                    TableDef without = without(table, column);
                    boolean elsewhere = !indexes.isEmpty() || column.has("PRIMARY") || column.has("UNIQUE")
                            || column.has("REFERENCES") || !without.constraints().equals(table.constraints())
                            || !without.columns().equals(othersOf(table, column));
                    if (!elsewhere) {
                        return Uni.createFrom().item(List.of("ALTER TABLE " + dialect.table(op.table()) + " DROP COLUMN "
                                + dialect.quote(op.column())));
                    }
                    TableChange change = TableChange.of(table, without);
                    for (SchemaObject index : indexes) change = change.dropping(index.name());
                    return Uni.createFrom().item(Rebuild.sql(schema, name[0], table, change));
                });
    }

    /** The table without {@code column}, its table constraints, and the checks of other columns that name it. */
    private static TableDef without(TableDef table, ColumnDef column) {
        List<ColumnDef> columns = new ArrayList<>();
        for (ColumnDef c : othersOf(table, column)) {
            List<ColumnDef.Clause> clauses = new ArrayList<>();
            for (ColumnDef.Clause clause : c.clauses()) {
                if (!(clause.is("CHECK") && SqlTokens.mentions(SqlTokens.of(clause.sql()), column.name()))) clauses.add(clause);
            }
            columns.add(clauses.size() == c.clauses().size() ? c : c.withClauses(clauses));
        }
        List<TableConstraintDef> constraints = new ArrayList<>();
        for (TableConstraintDef c : table.constraints()) if (!c.involves(column.name())) constraints.add(c);
        return table.withColumns(columns).withConstraints(constraints);
    }

    private static List<ColumnDef> othersOf(TableDef table, ColumnDef column) {
        List<ColumnDef> out = new ArrayList<>(table.columns());
        out.remove(column);
        return out;
    }

    /** Whether the indexed part of a CREATE INDEX (after {@code ON table}) names {@code column}. */
    private static boolean indexMentions(String sql, String column) {
        List<SqlTokens.Token> tokens = SqlTokens.of(sql);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("ON")) return SqlTokens.mentions(tokens.subList(Math.min(i + 2, tokens.size()), tokens.size()), column);
        }
        return false;
    }

    private static ColumnDef existing(TableDef table, String column) {
        ColumnDef c = table.column(column);
        if (c == null) throw new CheckFailed("table " + table.name() + " has no column " + column);
        return c;
    }

    private static ColumnDef withoutEnumCheck(ColumnDef column) {
        List<ColumnDef.Clause> out = new ArrayList<>();
        for (ColumnDef.Clause c : column.clauses()) if (EnumCheck.of(c, column.name()) == null) out.add(c);
        return column.withClauses(out);
    }

    private static CheckFailed usedBy(TableDef table, ColumnDef column, SchemaObject user) {
        return new CheckFailed("cannot drop column " + column.name() + " of table " + table.name() + ": " + user.type() + " "
                + user.name() + " uses it; drop or change the " + user.type() + " first");
    }
}
