package dev.migrate.dialect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.Json;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.BulkInsert;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateCheckConstraint;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateForeignKey;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreatePrimaryKey;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateTableComment;
import dev.migrate.ops.CreateUniqueConstraint;
import dev.migrate.ops.CreateView;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropExtension;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropView;
import dev.migrate.ops.EnumOperation;
import dev.migrate.ops.Execute;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.OnlyOn;
import dev.migrate.ops.Operation;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.TimescaleOperation;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.sql.OfflineCatalog;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.Statement;

/**
 * The SQL both dialects write the same way (statement shapes, constraint clauses, literals, data
 * operations); each dialect supplies its types, defaults and the operations it writes differently.
 */
public abstract class SqlDialect implements Dialect {
    /** Rows per INSERT statement: keeps statements a reasonable size for either database. */
    static final int ROWS_PER_INSERT = 500;

    @Override
    public boolean runsAlone(Statement statement, int serverMajorVersion) {
        return statement.runsAlone();
    }

    @Override
    public String asyncCommitSql() {
        return null;
    }

    @Override
    public OfflineCatalog offlineCatalog() {
        return null;
    }

    protected abstract Set<String> reservedWords();

    /** {@code type} as written in a column definition of {@code op}; may refuse what the dialect cannot express. */
    protected abstract String columnType(Operation op, ColumnType type);

    protected abstract String booleanLiteral(boolean value);

    /** The expression after DEFAULT; {@code type} (may be null) shapes literals. */
    protected abstract String defaultExpression(ServerDefault dflt, ColumnType type);

    protected abstract List<Statement> createTable(CreateTable op);

    protected abstract List<Statement> addColumn(AddColumn op);

    protected abstract List<Statement> alterColumn(AlterColumn op);

    protected abstract List<Statement> createTableComment(CreateTableComment op);

    protected abstract List<Statement> addConstraint(Operation op, String table, TableConstraint constraint);

    protected abstract List<Statement> dropConstraint(DropConstraint op);

    protected abstract List<Statement> createIndex(CreateIndex op);

    protected abstract List<Statement> dropIndex(DropIndex op);

    /** create_enum, drop_enum, add_enum_value, rename_enum_value, replace_enum_values. */
    protected abstract List<Statement> enumOperation(EnumOperation op);

    protected abstract List<Statement> createExtension(CreateExtension op);

    protected abstract List<Statement> dropExtension(DropExtension op);

    /** {@code VALIDATE CONSTRAINT} where constraints can be unvalidated; nothing for the derived downgrade's step. */
    protected abstract List<Statement> validateConstraint(ValidateConstraint op);

    protected abstract List<Statement> createView(CreateView op);

    protected abstract List<Statement> dropView(DropView op);

    protected abstract List<Statement> timescaleOperation(TimescaleOperation op);

    /** A literal for a value of a column of {@code type}: arrays and JSON need their own spelling. */
    protected abstract String typedLiteral(Object value, ColumnType type);

    @Override
    public List<Statement> render(Operation op) {
        if (op instanceof OnlyOn o) return o.dialect().equals(name()) ? render(o.operation()) : List.of();
        if (op instanceof CreateTable o) return createTable(o);
        if (op instanceof DropTable o) return dropTable(o);
        if (op instanceof RenameTable o) {
            return one(op, "ALTER TABLE " + table(o.table()) + " RENAME TO " + quote(o.newName()));
        }
        if (op instanceof CreateTableComment o) return createTableComment(o);
        if (op instanceof AddColumn o) return addColumn(o);
        if (op instanceof DropColumn o) return dropColumn(o);
        if (op instanceof AlterColumn o) return alterColumn(o);
        if (op instanceof RenameColumn o) {
            return one(op, "ALTER TABLE " + table(o.table()) + " RENAME COLUMN " + quote(o.column()) + " TO "
                    + quote(o.newName()));
        }
        if (op instanceof CreatePrimaryKey o) return addConstraint(op, o.table(), o.key());
        if (op instanceof CreateUniqueConstraint o) return addConstraint(op, o.table(), o.constraint());
        if (op instanceof CreateForeignKey o) return addConstraint(op, o.table(), o.key());
        if (op instanceof CreateCheckConstraint o) return addConstraint(op, o.table(), o.check());
        if (op instanceof DropConstraint o) return dropConstraint(o);
        if (op instanceof ValidateConstraint o) return validateConstraint(o);
        if (op instanceof CreateIndex o) return createIndex(o);
        if (op instanceof DropIndex o) return dropIndex(o);
        if (op instanceof Execute o) return execute(o);
        if (op instanceof BulkInsert o) return bulkInsert(o);
        if (op instanceof EnumOperation o) return enumOperation(o);
        if (op instanceof CreateView o) return createView(o);
        if (op instanceof DropView o) return dropView(o);
        if (op instanceof TimescaleOperation o) return timescaleOperation(o);
        if (op instanceof CreateExtension o) return createExtension(o);
        if (op instanceof DropExtension o) return dropExtension(o);
        // Operation is sealed: reaching here means a new operation was added without its SQL.
        throw new IllegalStateException("the " + name() + " dialect writes no SQL for " + op.getClass().getSimpleName());
    }

    protected List<Statement> dropTable(DropTable op) {
        return one(op, "DROP TABLE " + table(op.table()));
    }

    protected List<Statement> dropColumn(DropColumn op) {
        return one(op, "ALTER TABLE " + table(op.table()) + " DROP COLUMN " + quote(op.column()));
    }

    /** {@code CREATE [modifiers]VIEW name AS query}, which both dialects write the same way. */
    protected String createViewStatement(CreateView op, String modifiers) {
        return "CREATE " + modifiers + "VIEW " + table(op.name()) + " AS\n" + op.query();
    }

    @Override
    public String quote(String identifier) {
        return SqlIdentifiers.quote(identifier, reservedWords());
    }

    /** A table name, possibly schema-qualified ({@code schema.table}): each part quoted on its own. */
    public String table(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("\\.", -1)) {
            if (out.length() > 0) out.append('.');
            out.append(quote(part));
        }
        return out.toString();
    }

    @Override
    public String literal(Object value) {
        if (value == null) return "NULL";
        if (value instanceof Boolean b) return booleanLiteral(b);
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof Number) return value.toString();
        if (value instanceof List || value instanceof Map) return string(Json.spaced(value));
        return string(value.toString());
    }

    /** A string literal: single quotes doubled, which both databases read the same way. */
    protected static String string(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    protected static List<Statement> one(Operation op, String sql) {
        return List.of(new Statement(sql, op.line()));
    }

    protected String columns(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) quoted.add(quote(n));
        return "(" + String.join(", ", quoted) + ")";
    }

    /** A column definition without the primary key, which create_table writes as a table constraint. */
    protected String columnDefinition(Operation op, Column c) {
        StringBuilder out = new StringBuilder(quote(c.name())).append(' ').append(columnType(op, c.type()));
        if (c.serverDefault() != null) out.append(" DEFAULT ").append(defaultExpression(c.serverDefault(), c.type()));
        if (!c.nullable()) out.append(" NOT NULL");
        if (c.unique()) out.append(" UNIQUE");
        if (c.references() != null) out.append(' ').append(references(c.references()));
        return out.toString();
    }

    protected String references(ForeignKey fk) {
        StringBuilder out = new StringBuilder("REFERENCES ").append(table(fk.refTable())).append(' ')
                .append(columns(fk.refColumns()));
        if (fk.onDelete() != null) out.append(" ON DELETE ").append(fk.onDelete());
        if (fk.onUpdate() != null) out.append(" ON UPDATE ").append(fk.onUpdate());
        if (fk.deferrable()) out.append(" DEFERRABLE INITIALLY ").append(fk.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE");
        return out.toString();
    }

    /** A table constraint clause, as inside CREATE TABLE or after ALTER TABLE ... ADD. */
    protected String constraint(TableConstraint c) {
        String named = c.name() == null ? "" : "CONSTRAINT " + quote(c.name()) + " ";
        if (c instanceof PrimaryKey pk) return named + "PRIMARY KEY " + columns(pk.columns());
        if (c instanceof UniqueConstraint u) return named + "UNIQUE " + columns(u.columns());
        if (c instanceof ForeignKey fk) return named + "FOREIGN KEY " + columns(fk.columns()) + " " + references(fk);
        return named + "CHECK (" + ((CheckConstraint) c).expression() + ")";
    }

    /** The table constraints of a create_table, in a fixed order: primary key, unique, foreign keys, checks. */
    protected List<String> tableConstraints(CreateTable op, boolean withPrimaryKey) {
        List<String> out = new ArrayList<>();
        PrimaryKey pk = op.table().effectivePrimaryKey();
        if (pk != null && withPrimaryKey) out.add(constraint(pk));
        for (UniqueConstraint u : op.table().uniques()) out.add(constraint(u));
        for (ForeignKey fk : op.table().foreignKeys()) out.add(constraint(fk));
        for (CheckConstraint c : op.table().checks()) out.add(constraint(c));
        return out;
    }

    protected static String createTableStatement(String table, List<String> elements) {
        return "CREATE TABLE " + table + " (\n    " + String.join(",\n    ", elements) + "\n)";
    }

    /** CREATE INDEX up to the column list, with the parts both dialects share. */
    protected String indexStatement(Index index, String modifiers, boolean ifNotExists) {
        return indexStatement(index, quote(index.name()), table(index.table()), modifiers, ifNotExists);
    }

    /** The same, with the index and table names as SQL: where a schema goes differs between the dialects. */
    protected String indexStatement(Index index, String nameSql, String tableSql, String modifiers, boolean ifNotExists) {
        List<String> keys = new ArrayList<>();
        for (String c : index.columns()) keys.add(quote(c));
        for (String e : index.expressions()) keys.add("(" + e + ")");
        StringBuilder out = new StringBuilder("CREATE ");
        if (index.unique()) out.append("UNIQUE ");
        out.append("INDEX ").append(modifiers);
        if (ifNotExists) out.append("IF NOT EXISTS ");
        out.append(nameSql).append(" ON ").append(tableSql);
        if (index.using() != null && !index.using().equals("btree")) out.append(" USING ").append(index.using());
        out.append(" (").append(String.join(", ", keys)).append(')');
        return out.toString();
    }

    /**
     * Split like a SQL revision: each statement is sent on its own (SQLite's driver would run only
     * the first of several), judged on its own for running outside a transaction, and reported at
     * its own line.
     */
    private List<Statement> execute(Execute op) {
        String sql = op.sqlFor(name());
        if (sql == null) return List.of();
        return SqlSplitter.split(sql, op.origin(), op.lineFor(name()));
    }

    /** Consecutive rows with the same columns share one multi-row INSERT. */
    private List<Statement> bulkInsert(BulkInsert op) {
        List<Statement> out = new ArrayList<>();
        int i = 0;
        List<Map<String, Object>> rows = op.rows();
        while (i < rows.size()) {
            Set<String> keys = rows.get(i).keySet();
            List<String> values = new ArrayList<>();
            while (i < rows.size() && rows.get(i).keySet().equals(keys) && values.size() < ROWS_PER_INSERT) {
                List<String> row = new ArrayList<>();
                for (String key : keys) row.add(typedLiteral(rows.get(i).get(key), op.types().get(key)));
                values.add("(" + String.join(", ", row) + ")");
                i++;
            }
            out.add(new Statement("INSERT INTO " + table(op.table()) + " " + columns(new ArrayList<>(keys))
                    + " VALUES " + String.join(", ", values), op.line()));
        }
        return out;
    }
}
