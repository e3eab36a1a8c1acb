package dev.migrate.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.TableDefinition;
import dev.migrate.schema.EnumType;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;

/**
 * Writes an enum's values on every generated column of that type. {@code schema.yaml} may name
 * an enum column by its type alone ({@code enum(item_state)}) and declare the values once under
 * {@code enums:}; PostgreSQL needs no more, but SQLite keeps the values in the column's CHECK, so a
 * revision without them would fail there. With them it runs on both databases, whichever it was
 * generated against.
 */
final class EnumValues {
    private EnumValues() {
    }

    /** {@code column} with the values {@code schema} declares for its enum type, when it says none. */
    static Column on(Column column, Schema schema) {
        ColumnType type = on(column.type(), schema);
        if (type == column.type()) return column;
        return new Column(column.name(), type, column.nullable(), column.serverDefault(), column.primaryKey(),
                column.unique(), column.comment(), column.references());
    }

    /** {@code type} with the values {@code schema} declares, when it is an enum type without values; null stays null. */
    static ColumnType on(ColumnType type, Schema schema) {
        if (type == null || type.kind() != ColumnType.Kind.ENUM || !type.values().isEmpty()) return type;
        EnumType declared = schema.enums().get(type.argument());
        return declared == null ? type : type.withValues(declared.values());
    }

    /**
     * The enums a database without enum types (SQLite) holds for {@code target}: those its
     * columns use, with the declared values or else the first column's. A declared type no column
     * uses cannot be kept there, so it is not compared.
     */
    static List<EnumType> heldByColumns(Schema target) {
        Map<String, EnumType> out = new TreeMap<>();
        for (Table t : target.tables().values()) {
            for (Column c : t.columns()) {
                ColumnType type = on(c.type(), target);
                if (type.kind() != ColumnType.Kind.ENUM || type.values().isEmpty() || out.containsKey(type.argument())) continue;
                EnumType declared = target.enums().get(type.argument());
                out.put(type.argument(), declared != null ? declared : new EnumType(type.argument(), null, type.values()));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The table with the values written on each enum column. */
    static TableDefinition on(TableDefinition table, Schema schema) {
        List<Column> columns = new ArrayList<>();
        for (Column c : table.columns()) columns.add(on(c, schema));
        return new TableDefinition(table.name(), columns, table.primaryKey(), table.uniques(), table.foreignKeys(),
                table.checks(), table.comment());
    }
}
