package dev.migrate.lint;

import java.util.Map;

import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.BulkInsert;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateCheckConstraint;
import dev.migrate.ops.CreateForeignKey;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreatePrimaryKey;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateUniqueConstraint;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.Execute;
import dev.migrate.ops.OnlyOn;
import dev.migrate.ops.Operation;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.Statement;
import dev.migrate.postgres.PostgresDialect;

/**
 * The rules applied to the operations of a YAML revision, read as data: the table, the column, the
 * options are all there, so nothing has to be guessed from SQL text. Only {@code execute} goes
 * through {@link StatementRules}.
 */
final class OperationRules {
    /** Lint is about PostgreSQL (README, "Lint: safe migrations on a busy PostgreSQL"): the statements it reads are the ones PostgreSQL runs. */
    private static final String DIALECT = PostgresDialect.INSTANCE.name();

    private final RevisionLint lint;

    OperationRules(RevisionLint lint) {
        this.lint = lint;
    }

    void check(Operation op) {
        if (op instanceof OnlyOn o) {
            if (o.dialect().equals(DIALECT)) check(o.operation());
            return;
        }
        int line = op.line();
        if (!(op instanceof Execute) && !(op instanceof BulkInsert)) lint.ddl();
        if (op instanceof CreateTable o) {
            createTable(o, line);
        } else if (op instanceof AddColumn o) {
            addColumn(o, line);
        } else if (op instanceof AlterColumn o) {
            alterColumn(o, line);
        } else if (op instanceof DropColumn o) {
            if (!lint.createdHere(o.table())) {
                lint.report(Rule.DROP_COLUMN, line, line, "drop_column " + o.table() + "." + o.column() + " deletes its data");
            }
        } else if (op instanceof DropTable o) {
            if (!lint.createdHere(o.table())) {
                lint.report(Rule.DROP_TABLE, line, line, "drop_table " + lint.table(o.table()) + " deletes the table");
            }
        } else if (op instanceof RenameTable o) {
            if (!lint.createdHere(o.table())) {
                lint.report(Rule.RENAME, line, line, "rename_table " + o.table() + " to " + o.newName());
            }
            lint.schema.renameTable(o.table(), o.newName());
        } else if (op instanceof RenameColumn o) {
            if (!lint.createdHere(o.table())) {
                lint.report(Rule.RENAME, line, line, "rename_column " + o.table() + "." + o.column() + " to " + o.newName());
            }
            lint.schema.renameColumn(o.table(), o.column(), o.newName());
        } else if (op instanceof CreatePrimaryKey o) {
            uniqueConstraint("create_primary_key " + o.key().name(), o.table(), line);
        } else if (op instanceof CreateUniqueConstraint o) {
            uniqueConstraint("create_unique_constraint " + o.constraint().name(), o.table(), line);
        } else if (op instanceof CreateForeignKey o) {
            if (!o.notValid() && lint.populated(o.table())) {
                lint.report(Rule.CONSTRAINT_NOT_VALID, line, line, "create_foreign_key " + o.key().name() + " on "
                        + lint.table(o.table()) + " checks every row against " + o.key().refTable());
            }
        } else if (op instanceof CreateCheckConstraint o) {
            if (!o.notValid() && lint.populated(o.table())) {
                lint.report(Rule.CONSTRAINT_NOT_VALID, line, line, "create_check_constraint " + o.check().name()
                        + " on " + lint.table(o.table()) + " checks every row");
            }
            lint.schema.check(o.table(), o.check().name(), o.check().expression(), !o.notValid(), lint.revision());
        } else if (op instanceof ValidateConstraint o) {
            if (!o.undo()) lint.schema.validate(o.table(), o.name(), lint.revision());
        } else if (op instanceof CreateIndex o) {
            if (!o.concurrently() && lint.populated(o.index().table())) {
                lint.report(Rule.INDEX_CONCURRENTLY, line, line, "create_index " + o.index().name() + " on "
                        + lint.table(o.index().table()) + " without concurrently");
            }
        } else if (op instanceof DropIndex o) {
            if (!o.concurrently() && lint.populated(o.table())) {
                lint.report(Rule.INDEX_CONCURRENTLY, line, line, "drop_index " + o.name()
                        + (o.table() == null ? "" : " on " + lint.table(o.table())) + " without concurrently");
            }
        } else if (op instanceof AddEnumValue o) {
            lint.addedEnumValue(o.value());
        } else if (op instanceof BulkInsert o) {
            bulkInsert(o, line);
        } else if (op instanceof Execute o) {
            String sql = o.sqlFor(DIALECT);
            if (sql == null) return;
            StatementRules rules = new StatementRules(lint);
            for (Statement st : SqlSplitter.split(sql, lint.file, o.lineFor(DIALECT))) rules.check(st, line);
        }
    }

    private void createTable(CreateTable o, int line) {
        String table = o.table().name();
        lint.created(table);
        PrimaryKey pk = o.table().effectivePrimaryKey();
        for (Column c : o.table().columns()) {
            boolean key = pk != null && pk.columns().contains(c.name());
            columnType(table, c, key, line);
        }
        for (CheckConstraint check : o.table().checks()) {
            lint.schema.check(table, check.name(), check.expression(), true, lint.revision());
        }
    }

    private void addColumn(AddColumn o, int line) {
        Column c = o.column();
        columnType(o.table(), c, c.primaryKey(), line);
        if (!lint.populated(o.table())) return;
        String what = "add_column " + o.table() + "." + c.name();
        if (VolatileDefaults.isVolatile(c.serverDefault()) || VolatileDefaults.fillsEachRow(c.type())) {
            lint.report(Rule.VOLATILE_DEFAULT, line, line, what + " gives every existing row a value of its own,"
                    + " rewriting " + lint.table(o.table()));
        } else if (!c.nullable() && c.serverDefault() == null) {
            lint.report(Rule.REQUIRED_COLUMN, line, line, what + " is NOT NULL without a default on "
                    + lint.table(o.table()));
        }
        if (c.unique() || c.primaryKey()) {
            lint.report(Rule.UNIQUE_CONSTRAINT, line, line, what + " builds a unique index on " + lint.table(o.table()));
        }
        newEnumValueUsed(c.serverDefault(), what, line);
    }

    private void alterColumn(AlterColumn o, int line) {
        String what = "alter_column " + o.table() + "." + o.column();
        boolean populated = lint.populated(o.table());
        if (o.type() != null) {
            PgType to = PgType.of(o.type());
            PgType from = o.existingType() != null ? PgType.of(o.existingType()) : lint.schema.type(o.table(), o.column());
            if (populated && (o.using() != null || TypeChanges.rewrites(from, to))) {
                lint.report(Rule.TYPE_REWRITE, line, line, what + " changes the type"
                        + (from == null ? " (the old type is unknown: give existing_type)" : " from " + from)
                        + " to " + to + " on " + lint.table(o.table()));
            } else if (populated && to.isBoundedVarchar()) {
                lint.report(Rule.VARCHAR_LENGTH, line, line, what + " changes it from " + from + " to " + to);
            }
            if (to.isTimestampWithoutZone()) lint.report(Rule.TIMESTAMP_TZ, line, line, what + " makes it timestamp");
            lint.schema.column(o.table(), o.column(), to);
        }
        if (Boolean.FALSE.equals(o.nullable()) && populated
                && !lint.schema.provenNotNull(o.table(), o.column(), lint.revision())) {
            lint.report(Rule.SET_NOT_NULL, line, line, what + " sets NOT NULL on " + lint.table(o.table())
                    + " with no validated CHECK (" + o.column() + " IS NOT NULL) from an earlier revision");
        }
        if (o.serverDefault() != null) newEnumValueUsed(o.serverDefault().value(), what, line);
        if (o.newName() != null) {
            if (!lint.createdHere(o.table())) lint.report(Rule.RENAME, line, line, what + " renames it to " + o.newName());
            lint.schema.renameColumn(o.table(), o.column(), o.newName());
        }
    }

    private void columnType(String table, Column c, boolean key, int line) {
        PgType type = PgType.of(c.type());
        lint.schema.column(table, c.name(), type);
        String what = table + "." + c.name();
        if (key && (type.isSmallInteger() || c.type().kind() == ColumnType.Kind.IDENTITY)) {
            lint.report(Rule.INT_KEY, line, line, "key column " + what + " is " + c.type().kind().spelling());
        }
        if (type.isTimestampWithoutZone()) lint.report(Rule.TIMESTAMP_TZ, line, line, "column " + what + " is timestamp");
    }

    private void uniqueConstraint(String what, String table, int line) {
        if (lint.populated(table)) {
            lint.report(Rule.UNIQUE_CONSTRAINT, line, line, what + " builds its index on " + lint.table(table)
                    + " while blocking writes");
        }
    }

    private void bulkInsert(BulkInsert o, int line) {
        for (Map<String, Object> row : o.rows()) {
            for (Object value : row.values()) {
                if (lint.newEnumValue(value)) {
                    lint.report(Rule.ENUM_VALUE_USE, line, line, "bulk_insert into " + o.table() + " uses '" + value
                            + "', added to its enum in the same transaction");
                    return;
                }
            }
        }
    }

    private void newEnumValueUsed(ServerDefault d, String what, int line) {
        if (d != null && d.kind() == ServerDefault.Kind.LITERAL) newEnumValueUsed(d.value(), what, line);
    }

    private void newEnumValueUsed(Object value, String what, int line) {
        if (value instanceof ServerDefault d) {
            newEnumValueUsed(d, what, line);
        } else if (lint.newEnumValue(value)) {
            lint.report(Rule.ENUM_VALUE_USE, line, line, what + " uses '" + value
                    + "', added to its enum in the same transaction");
        }
    }
}
