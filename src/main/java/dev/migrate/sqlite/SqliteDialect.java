package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrate.Json;
import dev.migrate.dialect.BookkeepingSql;
import dev.migrate.dialect.LockHoldersSql;
import dev.migrate.dialect.SqlDialect;
import dev.migrate.dialect.UnsupportedOnDialect;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateTableComment;
import dev.migrate.ops.CreateView;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropExtension;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropView;
import dev.migrate.ops.EnumOperation;
import dev.migrate.ops.Index;
import dev.migrate.ops.Operation;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.TimescaleOperation;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.sql.OfflineCatalog;
import dev.migrate.sql.Statement;

/**
 * SQLite (3.35 and later, for DROP COLUMN). ALTER TABLE only adds, drops and renames columns and
 * renames tables; changing a column or a constraint rebuilds the table ({@link TableRebuilds}).
 * SQLite has no comments: they are silently not stored, so one revision file serves both databases.
 */
public final class SqliteDialect extends SqlDialect {
    private static final BookkeepingSql BOOKKEEPING = new SqliteBookkeeping();
    public static final SqliteDialect INSTANCE = new SqliteDialect();

    /** A random version 4 UUID as text: SQLite has no UUID function. */
    public static final String UUID_EXPRESSION = "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
            + "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', abs(random()) % 4 + 1, 1) || "
            + "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))";

    private final ColumnChanges columns = new ColumnChanges(this);
    private final ConstraintChanges constraints = new ConstraintChanges(this);
    private final SqliteEnums enums = new SqliteEnums();

    private SqliteDialect() {
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean keepsEnumTypes() {
        return false;
    }

    /** SQLite has no queue of lock waiters to jump: a writer waits on the busy timeout, or fails at once. */
    @Override
    public boolean limitsLockWaits() {
        return false;
    }

    /** No lock holders to read: no wait for a lock gives up here (see {@link #limitsLockWaits}). */
    @Override
    public LockHoldersSql lockHolders() {
        return null;
    }

    @Override
    public OfflineCatalog offlineCatalog() {
        return new SqliteSchemaModel();
    }

    @Override
    public BookkeepingSql bookkeeping() {
        return BOOKKEEPING;
    }

    /** Consecutive operations that rebuild one table share one rebuild: the rows are copied once. */
    @Override
    public List<Statement> render(List<Operation> operations) {
        List<Statement> out = new ArrayList<>();
        for (Operation op : operations) out = TableEdits.join(out, render(op));
        return out;
    }

    @Override
    protected Set<String> reservedWords() {
        return SqliteKeywords.RESERVED;
    }

    @Override
    protected String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    /**
     * An identity column is SQLite's rowid alias, which only exists as {@code INTEGER PRIMARY KEY}
     * declared on the column itself; create_table checks that the table allows it.
     */
    @Override
    protected String columnType(Operation op, ColumnType type) {
        if (type.isIdentity()) {
            if (!(op instanceof CreateTable)) {
                throw UnsupportedOnDialect.because(op, name(), "an identity column can only be declared by create_table");
            }
            return "INTEGER PRIMARY KEY AUTOINCREMENT";
        }
        return data(op, type);
    }

    private String data(Operation op, ColumnType type) {
        switch (type.kind()) {
            case UUID: return "VARCHAR(36)";
            case JSON: case JSONB: case ARRAY: return "JSON";
            case STRING: return type.length() == null ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            case TEXT: case INTERVAL: return "TEXT";
            case BOOLEAN: return "BOOLEAN";
            case SMALLINT: case INTEGER: case BIGINT: case IDENTITY: case BIGIDENTITY: return "INTEGER";
            case NUMERIC: return "NUMERIC";
            case FLOAT: case DOUBLE: return "REAL";
            case DATE: return "DATE";
            case TIME: return "TIME";
            case TIMESTAMP: case TIMESTAMPTZ: return "DATETIME";
            case BYTES: return "BLOB";
            case ENUM: {
                if (type.values().isEmpty()) {
                    throw UnsupportedOnDialect.because(op, name(), "a column of type " + type + " needs its values there"
                            + " (values: [...] on the column), as SQLite keeps them in a CHECK constraint");
                }
                return enumCheck(type).type();
            }
            default: return type.argument();
        }
    }

    private static EnumCheck enumCheck(ColumnType type) {
        return new EnumCheck(EnumCheck.nameOf(type.argument()), type.values());
    }

    /**
     * SQLite has no enum types: an enum column only accepts its values through a CHECK constraint,
     * named after the type so that the enum operations find it.
     */
    @Override
    protected String columnDefinition(Operation op, Column c) {
        String definition = super.columnDefinition(op, c);
        if (c.type().kind() != ColumnType.Kind.ENUM) return definition;
        return definition + " " + enumCheck(c.type()).clause(c.name()).sql();
    }

    /** A column definition, as add_column writes it (for the rebuilds). */
    String columnSql(Operation op, Column c) {
        return columnDefinition(op, c);
    }

    /** A column type, refusing what SQLite cannot express (for the rebuilds). */
    String typeSql(Operation op, ColumnType type) {
        return columnType(op, type);
    }

    /** The expression after DEFAULT (for the rebuilds). */
    String defaultSql(ServerDefault dflt, ColumnType type) {
        return defaultExpression(dflt, type);
    }

    /** A table constraint clause (for the rebuilds). */
    String constraintSql(TableConstraint c) {
        return constraint(c);
    }

    /** Expressions other than literals must be parenthesised in a SQLite DEFAULT clause. */
    @Override
    protected String defaultExpression(ServerDefault dflt, ColumnType type) {
        switch (dflt.kind()) {
            case NOW: return "CURRENT_TIMESTAMP";
            case UUID: return UUID_EXPRESSION;
            case SQL: return "(" + dflt.value() + ")";
            default: return typedLiteral(dflt.value(), type);
        }
    }

    @Override
    protected String typedLiteral(Object value, ColumnType type) {
        if (value != null && type != null && !(value instanceof String)) {
            ColumnType.Kind k = type.kind();
            if (k == ColumnType.Kind.JSON || k == ColumnType.Kind.JSONB || k == ColumnType.Kind.ARRAY) {
                return string(Json.spaced(value));
            }
        }
        return literal(value);
    }

    @Override
    protected List<Statement> createTable(CreateTable op) {
        PrimaryKey pk = op.table().effectivePrimaryKey();
        boolean pkInline = false;
        for (Column c : op.table().columns()) {
            if (!c.type().isIdentity()) continue;
            if (pk != null && !pk.columns().equals(List.of(c.name()))) {
                throw UnsupportedOnDialect.because(op, name(), "identity column '" + c.name()
                        + "' must be the whole primary key on sqlite (it becomes INTEGER PRIMARY KEY AUTOINCREMENT)");
            }
            if (pkInline) {
                throw UnsupportedOnDialect.because(op, name(), "a table can have only one identity column on sqlite");
            }
            pkInline = true;
        }
        List<String> elements = new ArrayList<>();
        for (Column c : op.table().columns()) elements.add(columnDefinition(op, c));
        elements.addAll(tableConstraints(op, !pkInline));
        return one(op, createTableStatement(table(op.table().name()), elements));
    }

    @Override
    protected List<Statement> addColumn(AddColumn op) {
        return columns.add(op);
    }

    @Override
    protected List<Statement> dropColumn(DropColumn op) {
        return columns.drop(op);
    }

    @Override
    protected List<Statement> alterColumn(AlterColumn op) {
        return columns.alter(op);
    }

    @Override
    protected List<Statement> createTableComment(CreateTableComment op) {
        return List.of();
    }

    @Override
    protected List<Statement> addConstraint(Operation op, String table, TableConstraint constraint) {
        return constraints.add(op, table, constraint);
    }

    /** SQLite checks a constraint's rows when its table is rebuilt with it: there is nothing left to validate. */
    @Override
    protected List<Statement> validateConstraint(ValidateConstraint op) {
        return List.of();
    }

    @Override
    protected List<Statement> dropConstraint(DropConstraint op) {
        return constraints.drop(op);
    }

    /**
     * SQLite has no CONCURRENTLY: the flag is ignored and the index is built like any other
     * statement, so one revision serves both databases.
     */
    @Override
    protected List<Statement> createIndex(CreateIndex op) {
        Index index = op.index();
        if (index.using() != null && !index.using().equals("btree")) {
            throw UnsupportedOnDialect.because(op, name(), "index method '" + index.using() + "' does not exist there");
        }
        if (!index.include().isEmpty()) {
            throw UnsupportedOnDialect.because(op, name(), "indexes cannot INCLUDE columns there");
        }
        // SQLite names the database on the index, never on its table: CREATE INDEX aux.ix ON t.
        String[] table = TableRebuilds.split(index.table());
        String name = (table[0] == null ? "" : quote(table[0]) + ".") + quote(index.name());
        String sql = indexStatement(index, name, quote(table[1]), "", op.ifNotExists());
        if (index.where() != null) sql += " WHERE " + index.where();
        return one(op, sql);
    }

    @Override
    protected List<Statement> enumOperation(EnumOperation op) {
        return enums.render(op);
    }

    @Override
    protected List<Statement> createExtension(CreateExtension op) {
        throw postgresOnly(op, "extensions are a PostgreSQL feature");
    }

    @Override
    protected List<Statement> dropExtension(DropExtension op) {
        throw postgresOnly(op, "extensions are a PostgreSQL feature");
    }

    /** SQLite has no CREATE OR REPLACE VIEW: the old view is dropped first, in the same transaction. */
    @Override
    protected List<Statement> createView(CreateView op) {
        if (op.materialized()) throw materialized(op);
        List<Statement> out = new ArrayList<>();
        if (op.orReplace()) out.add(new Statement("DROP VIEW IF EXISTS " + table(op.name()), op.line()));
        out.add(new Statement(createViewStatement(op, ""), op.line()));
        return out;
    }

    @Override
    protected List<Statement> dropView(DropView op) {
        if (op.materialized()) throw materialized(op);
        return one(op, "DROP VIEW " + (op.ifExists() ? "IF EXISTS " : "") + table(op.name()));
    }

    private UnsupportedOnDialect materialized(Operation op) {
        return postgresOnly(op, "SQLite has no materialized views");
    }

    @Override
    protected List<Statement> timescaleOperation(TimescaleOperation op) {
        throw postgresOnly(op, "it is a TimescaleDB operation");
    }

    /** The refusal of an operation that only PostgreSQL has, saying how a portable history skips it. */
    private UnsupportedOnDialect postgresOnly(Operation op, String why) {
        return UnsupportedOnDialect.because(op, name(), why + "; write dialect: postgresql on the operation to skip it on sqlite");
    }

    /** The index lives in its table's database: a schema-qualified table qualifies the index name. */
    @Override
    protected List<Statement> dropIndex(DropIndex op) {
        String database = op.table() == null ? null : TableRebuilds.split(op.table())[0];
        return one(op, "DROP INDEX " + (op.ifExists() ? "IF EXISTS " : "") + (database == null ? "" : quote(database) + ".")
                + quote(op.name()));
    }
}
