package dev.migrate.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableDefinition;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.yaml.YamlWriter;

/**
 * Prints a {@link Schema} as {@code schema.yaml}: objects in name order, fields in a fixed order,
 * and only the fields that differ from what {@link SchemaReader} assumes when they are left out,
 * so the same schema always prints the same text and reads back equal.
 */
public final class SchemaWriter {
    private SchemaWriter() {
    }

    /** The schema as {@code schema.yaml} text. */
    public static String yaml(Schema schema) {
        return YamlWriter.write(tree(schema));
    }

    /** The schema as maps, lists and values, in the shape of {@code schema.yaml} (also what {@code --json} prints). */
    public static Map<String, Object> tree(Schema schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> extensions = new ArrayList<>();
        for (Extension e : schema.extensions().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            putIf(m, "schema", e.schema());
            putIf(m, "version", e.version());
            extensions.add(m);
        }
        putList(out, "extensions", extensions);
        List<Object> enums = new ArrayList<>();
        for (EnumType e : schema.enums().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            putIf(m, "schema", e.schema());
            m.put("values", e.values());
            enums.add(m);
        }
        putList(out, "enums", enums);
        List<Object> tables = new ArrayList<>();
        for (Table t : schema.tables().values()) tables.add(table(t));
        putList(out, "tables", tables);
        List<Object> views = new ArrayList<>();
        for (View v : schema.views().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            if (v.materialized()) m.put("materialized", true);
            m.put("query", v.query());
            views.add(m);
        }
        putList(out, "views", views);
        List<Object> hypertables = new ArrayList<>();
        for (Hypertable h : schema.hypertables().values()) hypertables.add(hypertable(h));
        putList(out, "hypertables", hypertables);
        return out;
    }

    private static Map<String, Object> table(Table t) {
        Map<String, Object> m = table(t.definition(), SchemaWriter::column);
        List<Object> indexes = new ArrayList<>();
        for (Index i : t.indexes().values()) indexes.add(index(i));
        putList(m, "indexes", indexes);
        return m;
    }

    /**
     * A table as {@code create_table} and {@code schema.yaml} both write it, each column written by
     * {@code column} (an operation's column may carry its own key flags).
     */
    public static Map<String, Object> table(TableDefinition t, Function<Column, Map<String, Object>> column) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", t.name());
        putIf(m, "comment", t.comment());
        List<Object> columns = new ArrayList<>();
        for (Column c : t.columns()) columns.add(column.apply(c));
        m.put("columns", columns);
        PrimaryKey pk = t.primaryKey();
        if (pk != null) m.put("primary_key", named(pk.name(), pk.columns()));
        List<Object> uniques = new ArrayList<>();
        for (UniqueConstraint u : t.uniques()) uniques.add(named(u.name(), u.columns()));
        putList(m, "unique", uniques);
        List<Object> fks = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) fks.add(foreignKey(fk));
        putList(m, "foreign_keys", fks);
        List<Object> checks = new ArrayList<>();
        for (CheckConstraint c : t.checks()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            putIf(cm, "name", c.name());
            cm.put("expression", c.expression());
            checks.add(cm);
        }
        putList(m, "checks", checks);
        return m;
    }

    /**
     * A column, leaving out {@code nullable} when it is the reader's default for the column (true,
     * except for identity columns) and the constraints, which the table lists.
     */
    public static Map<String, Object> column(Column c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.type().toString());
        if (c.type().kind() == ColumnType.Kind.ENUM && !c.type().values().isEmpty()) m.put("values", c.type().values());
        if (c.nullable() == c.type().isIdentity()) m.put("nullable", c.nullable());
        if (c.serverDefault() != null) m.put("server_default", serverDefault(c.serverDefault()));
        putIf(m, "comment", c.comment());
        return m;
    }

    /** A server default as written in a file: {@code now()}, {@code uuid()}, {@code sql(...)} or the literal. */
    public static Object serverDefault(ServerDefault d) {
        switch (d.kind()) {
            case NOW: return "now()";
            case UUID: return "uuid()";
            case SQL: return "sql(" + d.value() + ")";
            default: return d.value();
        }
    }

    private static Map<String, Object> named(String name, List<String> columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "name", name);
        m.put("columns", columns);
        return m;
    }

    public static Map<String, Object> foreignKey(ForeignKey fk) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "name", fk.name());
        m.put("columns", fk.columns());
        m.put("ref_table", fk.refTable());
        m.put("ref_columns", fk.refColumns());
        putIf(m, "on_delete", fk.onDelete());
        putIf(m, "on_update", fk.onUpdate());
        if (fk.deferrable()) m.put("deferrable", true);
        if (fk.initiallyDeferred()) m.put("initially", "deferred");
        return m;
    }

    public static Map<String, Object> index(Index i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        putList(m, "columns", new ArrayList<>(i.columns()));
        putList(m, "expressions", new ArrayList<>(i.expressions()));
        if (i.unique()) m.put("unique", true);
        putIf(m, "where", i.where());
        putIf(m, "using", i.using());
        putList(m, "include", new ArrayList<>(i.include()));
        return m;
    }

    private static Map<String, Object> hypertable(Hypertable h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", h.table());
        m.put("time_column", h.timeColumn());
        putIf(m, "chunk_time_interval", h.chunkTimeInterval());
        putIf(m, "partitioning_column", h.partitioningColumn());
        putIf(m, "number_partitions", h.numberPartitions());
        Compression c = h.compression();
        if (c != null) {
            Map<String, Object> cm = new LinkedHashMap<>();
            putList(cm, "segment_by", new ArrayList<>(c.segmentBy()));
            putList(cm, "order_by", new ArrayList<>(c.orderBy()));
            putIf(cm, "compress_after", c.compressAfter());
            m.put("compression", cm);
        }
        putIf(m, "drop_after", h.dropAfter());
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) m.put(key, value);
    }

    private static void putList(Map<String, Object> m, String key, List<Object> items) {
        if (!items.isEmpty()) m.put(key, items);
    }
}
