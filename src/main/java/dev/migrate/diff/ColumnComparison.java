package dev.migrate.diff;

import java.util.List;
import java.util.Objects;

import dev.migrate.dialect.Dialect;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.Source;
import dev.migrate.ops.TableDefinition;
import dev.migrate.schema.SqlTypes;
import dev.migrate.sql.Statement;

/**
 * Compares column types and defaults by what the database makes of them, not by their spelling:
 * both sides are written as the SQL the dialect would run ({@code ADD COLUMN c TYPE DEFAULT ...})
 * and the texts compared. On SQLite several portable types are the same declared type
 * ({@code uuid} and {@code string(36)}), and {@code true} is the default {@code 1}; on PostgreSQL
 * {@code int4} and {@code integer} are already one portable type when read.
 */
public final class ColumnComparison {
    private static final Source AT = new Source("schema comparison", 0);
    private static final String TABLE = "t";

    private final Dialect dialect;
    private final boolean compareType;
    private final boolean compareDefault;

    /** {@code compareType} and {@code compareDefault} false: the settings compare_type and compare_server_default turn that comparison off. */
    public ColumnComparison(Dialect dialect, boolean compareType, boolean compareDefault) {
        this.dialect = dialect;
        this.compareType = compareType;
        this.compareDefault = compareDefault;
    }

    public ColumnComparison(Dialect dialect) {
        this(dialect, true, true);
    }

    /** Whether the database keeps enum types of their own; SQLite keeps only each column's CHECK. */
    public boolean keepsEnumTypes() {
        return dialect.keepsEnumTypes();
    }

    public boolean sameType(ColumnType actual, ColumnType target) {
        if (!compareType) return true;
        actual = meaning(actual);
        target = meaning(target);
        if (sameEnum(actual, target)) return true;
        if (Objects.equals(actual, target)) return true;
        String a = rendered(actual, null);
        return !a.isEmpty() && a.equals(rendered(target, null));
    }

    /** Compared on the target's type, so a type change alone is not also a default change. */
    public boolean sameDefault(ColumnType type, ServerDefault actual, ServerDefault target) {
        if (!compareDefault) return true;
        if (Objects.equals(actual, target)) return true;
        if (actual == null || target == null) return false;
        if (actual.kind() == ServerDefault.Kind.LITERAL && target.kind() == ServerDefault.Kind.LITERAL
                && String.valueOf(actual.value()).equals(String.valueOf(target.value()))) {
            return true;
        }
        String a = rendered(type, actual);
        return !a.isEmpty() && a.equals(rendered(type, target));
    }

    /** A type written as {@code sql(int4)} means its portable name when it has one. */
    private static ColumnType meaning(ColumnType type) {
        return type.kind() == ColumnType.Kind.SQL ? SqlTypes.portable(type.argument()) : type;
    }

    /** An enum column means its type's name; the values written on it belong to the type, compared on their own. */
    private static boolean sameEnum(ColumnType actual, ColumnType target) {
        return actual.kind() == ColumnType.Kind.ENUM && target.kind() == ColumnType.Kind.ENUM
                && actual.argument().equals(target.argument()) && (actual.values().isEmpty() || target.values().isEmpty()
                || actual.values().equals(target.values()));
    }

    /**
     * The SQL adding a column of {@code type} with {@code dflt}; empty when the dialect cannot write
     * it. An identity column can only be created with its table (on SQLite both widths are the
     * same {@code INTEGER PRIMARY KEY}), so it is compared as a one-column create_table.
     */
    private String rendered(ColumnType type, ServerDefault dflt) {
        try {
            Column c = new Column("c", type, true, dflt, false, false, null, null);
            List<Statement> statements = dialect.render(type.isIdentity()
                    ? new CreateTable(AT, new TableDefinition(TABLE, List.of(c), null, List.of(), List.of(), List.of(), null))
                    : new AddColumn(AT, TABLE, c));
            StringBuilder out = new StringBuilder();
            for (Statement s : statements) out.append(s.sql()).append(";\n");
            return out.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
