package dev.migrate.revision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddCompressionPolicy;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AddRetentionPolicy;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.CreateCheckConstraint;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateForeignKey;
import dev.migrate.ops.CreateHypertable;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreatePrimaryKey;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateTableComment;
import dev.migrate.ops.CreateUniqueConstraint;
import dev.migrate.ops.CreateView;
import dev.migrate.ops.DisableCompression;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropEnum;
import dev.migrate.ops.DropExtension;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropView;
import dev.migrate.ops.EnableCompression;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Operation;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.RemoveCompressionPolicy;
import dev.migrate.ops.RemoveRetentionPolicy;
import dev.migrate.ops.ReplaceEnumValues;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.SetChunkTimeInterval;
import dev.migrate.ops.TableDefinition;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.schema.SchemaWriter;
import dev.migrate.yaml.YamlWriter;

/**
 * Writes the operations autogenerate produces as the YAML list of a revision's {@code upgrade} or
 * {@code downgrade}, with the fields a person would write, so the file reads back through the
 * normal parser as the same operations.
 */
public final class OperationYaml {
    private OperationYaml() {
    }

    /** The list as YAML text (list items at the left margin), or null when there are none. */
    public static String write(List<Operation> operations) {
        if (operations.isEmpty()) return null;
        StringBuilder out = new StringBuilder();
        for (Operation op : operations) {
            // written as a one-key mapping, then indented as a list item: a short operation stays on one line
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(op.kind(), fields(op));
            String prefix = "- ";
            for (String line : YamlWriter.write(item).split("\n")) {
                out.append(line.isEmpty() ? "" : prefix + line).append('\n');
                prefix = "  ";
            }
        }
        return out.toString();
    }

    private static Map<String, Object> fields(Operation op) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (op instanceof CreateTable o) return table(o.table());
        if (op instanceof DropTable o) return o.definition() == null ? one("table", o.table()) : table(o.definition());
        if (op instanceof AddColumn o) {
            m.put("table", o.table());
            m.put("column", column(o.column()));
        } else if (op instanceof DropColumn o) {
            m.put("table", o.table());
            m.put("column", o.definition() == null ? o.column() : column(o.definition()));
        } else if (op instanceof AlterColumn o) {
            alterColumn(o, m);
        } else if (op instanceof CreateTableComment o) {
            m.put("table", o.table());
            m.put("comment", o.comment());
            m.put("existing_comment", o.existingComment());
        } else if (op instanceof CreatePrimaryKey o) {
            m.put("table", o.table());
            m.put("name", o.key().name());
            m.put("columns", o.key().columns());
        } else if (op instanceof CreateUniqueConstraint o) {
            m.put("table", o.table());
            m.put("name", o.constraint().name());
            m.put("columns", o.constraint().columns());
        } else if (op instanceof CreateForeignKey o) {
            m.put("table", o.table());
            m.putAll(SchemaWriter.foreignKey(o.key()));
            if (o.notValid()) m.put("not_valid", true);
        } else if (op instanceof CreateCheckConstraint o) {
            m.put("table", o.table());
            m.put("name", o.check().name());
            m.put("expression", o.check().expression());
            if (o.notValid()) m.put("not_valid", true);
        } else if (op instanceof ValidateConstraint o) {
            m.put("table", o.table());
            m.put("name", o.name());
        } else if (op instanceof DropConstraint o) {
            dropConstraint(o, m);
        } else if (op instanceof CreateIndex o) {
            m.putAll(SchemaWriter.index(o.index()));
            m.put("table", o.index().table());
        } else if (op instanceof DropIndex o) {
            if (o.definition() != null) m.putAll(SchemaWriter.index(o.definition()));
            m.put("name", o.name());
            if (o.table() != null) m.put("table", o.table());
        } else if (op instanceof CreateEnum o) {
            named(m, o.name(), o.schema());
            m.put("values", o.values());
        } else if (op instanceof DropEnum o) {
            named(m, o.name(), o.schema());
            if (o.values() != null) m.put("values", o.values());
            if (o.ifExists()) m.put("if_exists", true);
        } else if (op instanceof AddEnumValue o) {
            named(m, o.name(), o.schema());
            m.put("value", o.value());
            putIf(m, "before", o.before());
            putIf(m, "after", o.after());
        } else if (op instanceof ReplaceEnumValues o) {
            named(m, o.name(), o.schema());
            m.put("values", o.values());
            if (o.oldValues() != null) m.put("old_values", o.oldValues());
        } else if (op instanceof CreateExtension o) {
            m.put("name", o.name());
            putIf(m, "schema", o.schema());
            putIf(m, "version", o.version());
            m.put("if_not_exists", o.ifNotExists());
        } else if (op instanceof DropExtension o) {
            m.put("name", o.name());
            if (o.ifExists()) m.put("if_exists", true);
            if (o.cascade()) m.put("cascade", true);
            putIf(m, "schema", o.schema());
            putIf(m, "version", o.version());
        } else if (op instanceof CreateView o) {
            m.put("name", o.name());
            if (o.materialized()) m.put("materialized", true);
            if (o.materialized() && !o.withData()) m.put("with_data", false);
            m.put("query", o.query());
        } else if (op instanceof DropView o) {
            m.put("name", o.name());
            if (o.materialized()) m.put("materialized", true);
            if (o.materialized() && !o.withData()) m.put("with_data", false);
            putIf(m, "query", o.query());
        } else if (op instanceof CreateHypertable o) {
            m.put("table", o.table());
            m.put("time_column", o.timeColumn());
            putIf(m, "chunk_time_interval", o.chunkTimeInterval());
            putIf(m, "partitioning_column", o.partitioningColumn());
            putIf(m, "number_partitions", o.numberPartitions());
        } else if (op instanceof SetChunkTimeInterval o) {
            m.put("table", o.table());
            m.put("chunk_time_interval", o.interval());
            putIf(m, "existing_chunk_time_interval", o.existingInterval());
        } else if (op instanceof EnableCompression o) {
            compression(m, o.table(), o.segmentBy(), o.orderBy());
        } else if (op instanceof DisableCompression o) {
            compression(m, o.table(), o.segmentBy(), o.orderBy());
        } else if (op instanceof AddCompressionPolicy o) {
            m.put("table", o.table());
            m.put("compress_after", o.compressAfter());
        } else if (op instanceof RemoveCompressionPolicy o) {
            m.put("table", o.table());
            putIf(m, "compress_after", o.compressAfter());
        } else if (op instanceof AddRetentionPolicy o) {
            m.put("table", o.table());
            m.put("drop_after", o.dropAfter());
        } else if (op instanceof RemoveRetentionPolicy o) {
            m.put("table", o.table());
            putIf(m, "drop_after", o.dropAfter());
        } else {
            throw new IllegalArgumentException("autogenerate does not write " + op.kind());
        }
        return m;
    }

    private static Map<String, Object> table(TableDefinition t) {
        return SchemaWriter.table(t, OperationYaml::column);
    }

    /** A column as the schema writes it, plus the flags a table-less column carries itself. */
    private static Map<String, Object> column(Column c) {
        Map<String, Object> m = SchemaWriter.column(c);
        if (c.primaryKey()) {
            m.put("primary_key", true);
            if (!c.nullable()) m.remove("nullable");
        }
        if (c.unique()) m.put("unique", true);
        if (c.references() != null) {
            m.put("references", c.references().refTable() + "." + c.references().refColumns().get(0));
            putIf(m, "on_delete", c.references().onDelete());
            putIf(m, "on_update", c.references().onUpdate());
        }
        return m;
    }

    private static void alterColumn(AlterColumn o, Map<String, Object> m) {
        m.put("table", o.table());
        m.put("column", o.column());
        if (o.type() != null) m.put("type", o.type().toString());
        putIf(m, "using", o.using());
        putIf(m, "nullable", o.nullable());
        if (o.serverDefault() != null) m.put("server_default", dflt(o.serverDefault().value()));
        if (o.comment() != null) m.put("comment", o.comment().value());
        putIf(m, "new_name", o.newName());
        if (o.existingType() != null) m.put("existing_type", o.existingType().toString());
        if (o.existingServerDefault() != null) m.put("existing_server_default", dflt(o.existingServerDefault().value()));
        if (o.existingComment() != null) m.put("existing_comment", o.existingComment().value());
    }

    private static Object dflt(ServerDefault d) {
        return d == null ? null : SchemaWriter.serverDefault(d);
    }

    private static void dropConstraint(DropConstraint o, Map<String, Object> m) {
        m.put("table", o.table());
        m.put("name", o.name());
        putIf(m, "type", o.type());
        if (o.definition() instanceof PrimaryKey p) m.put("columns", p.columns());
        if (o.definition() instanceof UniqueConstraint u) m.put("columns", u.columns());
        if (o.definition() instanceof CheckConstraint c) m.put("expression", c.expression());
        if (o.definition() instanceof ForeignKey f) {
            Map<String, Object> fk = SchemaWriter.foreignKey(f);
            fk.remove("name");
            m.putAll(fk);
        }
    }

    private static void compression(Map<String, Object> m, String table, List<String> segmentBy, List<String> orderBy) {
        m.put("table", table);
        if (!segmentBy.isEmpty()) m.put("segment_by", segmentBy);
        if (!orderBy.isEmpty()) m.put("order_by", orderBy);
    }

    private static void named(Map<String, Object> m, String name, String schema) {
        m.put("name", name);
        putIf(m, "schema", schema);
    }

    private static Map<String, Object> one(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) m.put(key, value);
    }
}
