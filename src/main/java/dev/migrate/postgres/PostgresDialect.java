package dev.migrate.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.Json;
import dev.migrate.dialect.BookkeepingSql;
import dev.migrate.dialect.LockHoldersSql;
import dev.migrate.dialect.SqlDialect;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateCheckConstraint;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateForeignKey;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateTableComment;
import dev.migrate.ops.CreateView;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropExtension;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropView;
import dev.migrate.ops.EnumOperation;
import dev.migrate.ops.Index;
import dev.migrate.ops.Operation;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.TimescaleOperation;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.sql.Statement;

/** PostgreSQL (15 and later): everything runs in place; comments are stored with COMMENT ON. */
public final class PostgresDialect extends SqlDialect {
    private static final BookkeepingSql BOOKKEEPING = new PostgresBookkeeping();
    private static final LockHoldersSql LOCK_HOLDERS = new PostgresLockHolders();
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private final PostgresEnums enums = new PostgresEnums(this);
    private final Timescale timescale = new Timescale(this);

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean keepsEnumTypes() {
        return true;
    }

    @Override
    public boolean limitsLockWaits() {
        return true;
    }

    @Override
    public LockHoldersSql lockHolders() {
        return LOCK_HOLDERS;
    }

    @Override
    public boolean runsAlone(Statement statement, int serverMajorVersion) {
        return statement.runsAlone() || Autocommit.required(statement, serverMajorVersion);
    }

    @Override
    public String asyncCommitSql() {
        return "SET LOCAL synchronous_commit = off";
    }

    @Override
    public BookkeepingSql bookkeeping() {
        return BOOKKEEPING;
    }

    @Override
    protected Set<String> reservedWords() {
        return PostgresKeywords.RESERVED;
    }

    @Override
    protected String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    @Override
    protected String columnType(Operation op, ColumnType type) {
        return PostgresTypes.column(type, this);
    }

    @Override
    protected String defaultExpression(ServerDefault dflt, ColumnType type) {
        switch (dflt.kind()) {
            case NOW: return "now()";
            case UUID: return "gen_random_uuid()";
            case SQL: return (String) dflt.value();
            default: return typedLiteral(dflt.value(), type);
        }
    }

    @Override
    protected String typedLiteral(Object value, ColumnType type) {
        if (value == null || type == null) return literal(value);
        if (type.kind() == ColumnType.Kind.ARRAY && value instanceof List<?> items) {
            List<String> out = new ArrayList<>();
            for (Object item : items) out.add(typedLiteral(item, type.element()));
            return "ARRAY[" + String.join(", ", out) + "]::" + PostgresTypes.data(type, this);
        }
        if ((type.kind() == ColumnType.Kind.JSON || type.kind() == ColumnType.Kind.JSONB) && !(value instanceof String)) {
            return string(Json.spaced(value));
        }
        return literal(value);
    }

    @Override
    protected List<Statement> createTable(CreateTable op) {
        List<String> elements = new ArrayList<>();
        for (Column c : op.table().columns()) elements.add(columnDefinition(op, c));
        elements.addAll(tableConstraints(op, true));
        List<Statement> out = new ArrayList<>(ensureEnumTypes(op.table().columns(), op.line()));
        out.add(new Statement(createTableStatement(table(op.table().name()), elements), op.line()));
        if (op.table().comment() != null) out.add(tableComment(op, op.table().name(), op.table().comment()));
        for (Column c : op.table().columns()) {
            if (c.comment() != null) out.add(columnComment(op, op.table().name(), c.name(), c.comment()));
        }
        return out;
    }

    @Override
    protected List<Statement> addColumn(AddColumn op) {
        Column c = op.column();
        String sql = "ALTER TABLE " + table(op.table()) + " ADD COLUMN " + columnDefinition(op, c);
        if (c.primaryKey()) sql += " PRIMARY KEY";
        List<Statement> out = new ArrayList<>(ensureEnumTypes(List.of(c), op.line()));
        out.add(new Statement(sql, op.line()));
        if (c.comment() != null) out.add(columnComment(op, op.table(), c.name(), c.comment()));
        return out;
    }

    /**
     * One statement per change, in Alembic's order: type, nullability, default, comment, name;
     * an enum type given with its values is created first when missing, as add_column does.
     * The type goes first so that the new default is read as the new type. When both change, the
     * old default is dropped before the type, since PostgreSQL converts it with the column and
     * refuses when it cannot ({@code default for column ... cannot be cast automatically}, as
     * from a string to an enum); it is being replaced anyway. Identity is a property of the
     * column rather than of its type on PostgreSQL, so changing to identity adds it, and changing
     * from an {@code existing_type} identity drops it.
     */
    @Override
    protected List<Statement> alterColumn(AlterColumn op) {
        String alter = "ALTER TABLE " + table(op.table()) + " ALTER COLUMN " + quote(op.column()) + " ";
        List<Statement> out = new ArrayList<>();
        ServerDefault newDefault = op.serverDefault() == null ? null : op.serverDefault().value();
        boolean defaultAroundType = op.type() != null && op.serverDefault() != null;
        if (op.type() != null && op.type().kind() == ColumnType.Kind.ENUM && !op.type().values().isEmpty()) {
            out.add(enums.ensureType(op.type().argument(), op.type().values(), op.line()));
        }
        if (defaultAroundType) out.add(new Statement(alter + "DROP DEFAULT", op.line()));
        if (op.type() != null) {
            String sql = alter + "TYPE " + PostgresTypes.data(op.type(), this);
            if (op.using() != null) sql += " USING " + op.using();
            out.add(new Statement(sql, op.line()));
            boolean wasIdentity = op.existingType() != null && op.existingType().isIdentity();
            if (op.type().isIdentity() && !wasIdentity) {
                out.add(new Statement(alter + "ADD GENERATED BY DEFAULT AS IDENTITY", op.line()));
            } else if (!op.type().isIdentity() && wasIdentity) {
                out.add(new Statement(alter + "DROP IDENTITY IF EXISTS", op.line()));
            }
        }
        if (op.nullable() != null) {
            out.add(new Statement(alter + (op.nullable() ? "DROP NOT NULL" : "SET NOT NULL"), op.line()));
        }
        if (op.serverDefault() != null && !(defaultAroundType && newDefault == null)) {
            ColumnType type = op.type() != null ? op.type() : op.existingType();
            out.add(new Statement(alter + (newDefault == null ? "DROP DEFAULT" : "SET DEFAULT " + defaultExpression(newDefault, type)),
                    op.line()));
        }
        if (op.comment() != null) out.add(columnComment(op, op.table(), op.column(), op.comment().value()));
        if (op.newName() != null) {
            out.add(new Statement("ALTER TABLE " + table(op.table()) + " RENAME COLUMN " + quote(op.column()) + " TO "
                    + quote(op.newName()), op.line()));
        }
        return out;
    }

    /**
     * A table dropped with its definition (as a derived downgrade does) also drops the enum types
     * its columns gave values for, unless another column still uses them: the types its
     * create_table made.
     */
    @Override
    protected List<Statement> dropTable(DropTable op) {
        List<Statement> out = new ArrayList<>(super.dropTable(op));
        if (op.definition() != null) out.addAll(dropEnumTypes(op.definition().columns(), op.line()));
        return out;
    }

    @Override
    protected List<Statement> dropColumn(DropColumn op) {
        List<Statement> out = new ArrayList<>(super.dropColumn(op));
        if (op.definition() != null) out.addAll(dropEnumTypes(List.of(op.definition()), op.line()));
        return out;
    }

    /** The enum columns that give their values, one per type: the types they create and drop. */
    private static List<ColumnType> ownEnumTypes(List<Column> columns) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.type().kind() == ColumnType.Kind.ENUM && !c.type().values().isEmpty()) {
                out.putIfAbsent(c.type().argument(), c.type());
            }
        }
        return new ArrayList<>(out.values());
    }

    private List<Statement> ensureEnumTypes(List<Column> columns, int line) {
        List<Statement> out = new ArrayList<>();
        for (ColumnType type : ownEnumTypes(columns)) out.add(enums.ensureType(type.argument(), type.values(), line));
        return out;
    }

    private List<Statement> dropEnumTypes(List<Column> columns, int line) {
        List<Statement> out = new ArrayList<>();
        for (ColumnType type : ownEnumTypes(columns)) out.add(enums.dropIfUnused(type.argument(), line));
        return out;
    }

    @Override
    protected List<Statement> enumOperation(EnumOperation op) {
        return enums.render(op);
    }

    @Override
    protected List<Statement> createExtension(CreateExtension o) {
        String sql = "CREATE EXTENSION " + (o.ifNotExists() ? "IF NOT EXISTS " : "") + quote(o.name());
        if (o.schema() != null) sql += " SCHEMA " + quote(o.schema());
        if (o.version() != null) sql += " VERSION " + literal(o.version());
        return one(o, sql);
    }

    @Override
    protected List<Statement> dropExtension(DropExtension o) {
        return one(o, "DROP EXTENSION " + (o.ifExists() ? "IF EXISTS " : "") + quote(o.name())
                + (o.cascade() ? " CASCADE" : ""));
    }

    @Override
    protected List<Statement> createView(CreateView op) {
        String sql = createViewStatement(op, (op.orReplace() ? "OR REPLACE " : "") + (op.materialized() ? "MATERIALIZED " : ""));
        if (op.materialized() && !op.withData()) sql += "\nWITH NO DATA";
        return one(op, sql);
    }

    @Override
    protected List<Statement> dropView(DropView op) {
        return one(op, "DROP " + (op.materialized() ? "MATERIALIZED " : "") + "VIEW " + (op.ifExists() ? "IF EXISTS " : "")
                + table(op.name()));
    }

    @Override
    protected List<Statement> timescaleOperation(TimescaleOperation op) {
        return timescale.render(op);
    }

    @Override
    protected List<Statement> createTableComment(CreateTableComment op) {
        return List.of(tableComment(op, op.table(), op.comment()));
    }

    @Override
    protected List<Statement> addConstraint(Operation op, String table, TableConstraint constraint) {
        boolean notValid = op instanceof CreateForeignKey f && f.notValid() || op instanceof CreateCheckConstraint c && c.notValid();
        return one(op, "ALTER TABLE " + table(table) + " ADD " + constraint(constraint) + (notValid ? " NOT VALID" : ""));
    }

    @Override
    protected List<Statement> validateConstraint(ValidateConstraint op) {
        if (op.undo()) return List.of();
        return one(op, "ALTER TABLE " + table(op.table()) + " VALIDATE CONSTRAINT " + quote(op.name()));
    }

    @Override
    protected List<Statement> dropConstraint(DropConstraint op) {
        return one(op, "ALTER TABLE " + table(op.table()) + " DROP CONSTRAINT " + quote(op.name()));
    }

    /** CONCURRENTLY refuses to run inside a transaction block, hence {@code runsAlone}. */
    @Override
    protected List<Statement> createIndex(CreateIndex op) {
        Index index = op.index();
        String sql = indexStatement(index, op.concurrently() ? "CONCURRENTLY " : "", op.ifNotExists());
        if (!index.include().isEmpty()) sql += " INCLUDE " + columns(index.include());
        if (index.where() != null) sql += " WHERE " + index.where();
        return List.of(new Statement(sql, op.line(), op.concurrently()));
    }

    @Override
    protected List<Statement> dropIndex(DropIndex op) {
        String sql = "DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "") + (op.ifExists() ? "IF EXISTS " : "")
                + indexName(op);
        return List.of(new Statement(sql, op.line(), op.concurrently()));
    }

    /** An index lives in its table's schema, so a schema-qualified table qualifies the index name too. */
    private String indexName(DropIndex op) {
        int dot = op.table() == null ? -1 : op.table().lastIndexOf('.');
        return dot < 0 ? quote(op.name()) : table(op.table().substring(0, dot)) + "." + quote(op.name());
    }

    private Statement tableComment(Operation op, String table, String comment) {
        return new Statement("COMMENT ON TABLE " + table(table) + " IS " + literal(comment), op.line());
    }

    private Statement columnComment(Operation op, String table, String column, String comment) {
        return new Statement("COMMENT ON COLUMN " + table(table) + "." + quote(column) + " IS " + literal(comment),
                op.line());
    }
}
