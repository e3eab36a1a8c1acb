package dev.migrate.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.TableDefinition;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.revision.parse.Definitions;
import dev.migrate.yaml.Fields;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.Values;
import dev.migrate.yaml.YamlReader;

/**
 * Reads {@code schema.yaml}, the target schema (README, "Target schema: `schema.yaml`"), with the parsers of revision files,
 * so a table, a column, an index or an enum is written the same way in both. Everything that
 * would make the schema meaningless fails with the file and line: an unknown key, a value of the
 * wrong type, a table, column, index or constraint declared twice, a constraint or index on a
 * column the table does not have, a foreign key to a table or column the schema does not declare,
 * an enum column whose type is declared nowhere.
 */
public final class SchemaReader {
    static final List<String> SECTIONS = List.of("extensions", "enums", "tables", "views", "hypertables");
    private static final List<String> HYPERTABLE_FIELDS = List.of("table", "time_column", "chunk_time_interval",
            "partitioning_column", "number_partitions", "compression", "drop_after");
    private static final List<String> COMPRESSION_FIELDS = List.of("segment_by", "order_by", "compress_after");

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Node> tableNodes = new HashMap<>();
    private final Map<String, EnumType> enums = new LinkedHashMap<>();
    private final List<PendingReference> references = new ArrayList<>();
    private final List<PendingEnum> enumColumns = new ArrayList<>();
    /** Enum types whose values a column gives ({@code values: [...]}), which other columns may then use. */
    private final Map<String, List<String>> columnEnums = new HashMap<>();

    /** A foreign key, checked once every table is known. */
    private record PendingReference(String table, ForeignKey key, Node at) {
    }

    /** An enum column, checked once every column that may give the type's values is known. */
    private record PendingEnum(ColumnType type, Node at, String what) {
    }

    private SchemaReader() {
    }

    /** Reads the schema file; a missing or unreadable file fails naming it. */
    public static Schema read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new MigrateException("cannot read the target schema " + file + ": " + e.getMessage(), e);
        }
        return read(text, file.toString());
    }

    /** Reads schema.yaml text; {@code origin} names it in errors. An empty document is an empty schema. */
    public static Schema read(String text, String origin) {
        Node root = YamlReader.read(text, origin);
        if (root.isNull()) return Schema.EMPTY;
        if (!root.isMap()) throw root.error("a schema is a mapping of " + String.join(", ", SECTIONS));
        root.checkKeys("the schema", SECTIONS);
        return new SchemaReader().schema(root);
    }

    private Schema schema(Node root) {
        List<Extension> extensions = new ArrayList<>();
        Names seen = new Names("extension");
        for (Node item : items(root, "extensions")) {
            Extension e = extension(item);
            seen.add(e.name(), item);
            extensions.add(e);
        }
        Names enumNames = new Names("enum");
        for (Node item : items(root, "enums")) {
            EnumType e = enumType(item);
            enumNames.add(e.qualifiedName(), item);
            enums.put(e.qualifiedName(), e);
        }
        Names tableNames = new Names("table");
        Names indexNames = new Names("index");
        for (Node item : items(root, "tables")) {
            Table t = table(item, indexNames);
            tableNames.add(t.name(), item);
            tables.put(t.name(), t);
            tableNodes.put(t.name(), item);
        }
        for (PendingReference r : references) checkReference(r);
        for (PendingEnum e : enumColumns) checkEnum(e.type(), e.at(), e.what());
        List<View> views = new ArrayList<>();
        Names viewNames = new Names("view");
        for (Node item : items(root, "views")) {
            View v = view(item);
            viewNames.add(v.name(), item);
            if (tables.containsKey(v.name())) throw item.error("view '" + v.name() + "' has the name of a table");
            views.add(v);
        }
        List<Hypertable> hypertables = new ArrayList<>();
        Names hypertableNames = new Names("hypertable");
        for (Node item : items(root, "hypertables")) {
            Hypertable h = hypertable(item);
            hypertableNames.add(h.table(), item);
            hypertables.add(h);
        }
        return Schema.of(extensions, enums.values(), tables.values(), views, hypertables);
    }

    /** The items of a section, which must be a list when it is there. */
    private static List<Node> items(Node root, String section) {
        Node list = root.get(section);
        if (list.isNull()) return List.of();
        if (!list.isList()) throw list.error(section + " is a list");
        return list.items();
    }

    private static void mapping(Node item, String what, List<String> fields) {
        if (!item.isMap()) throw item.error(what + " is a mapping of " + String.join(", ", fields));
        item.checkKeys(what, fields);
    }

    private static Extension extension(Node item) {
        if (item.isScalar() && !item.isNull()) return new Extension(item.text(), null, null);
        mapping(item, "an extension", List.of("name", "schema", "version"));
        return new Extension(Fields.requiredText(item, "name", "an extension"),
                Fields.optionalText(item, "schema"), Fields.optionalText(item, "version"));
    }

    private static EnumType enumType(Node item) {
        mapping(item, "an enum", List.of("name", "schema", "values"));
        String name = Fields.requiredText(item, "name", "an enum");
        return new EnumType(name, Fields.optionalText(item, "schema"),
                Definitions.enumValues(item, "values", "enum '" + name + "'"));
    }

    private Table table(Node item, Names indexNames) {
        List<String> fields = new ArrayList<>(Definitions.TABLE_FIELDS);
        fields.add("indexes");
        mapping(item, "a table", fields);
        TableDefinition def = Definitions.table(item, "a table");
        String name = def.name();
        String what = "table '" + name + "'";
        List<Node> columnNodes = item.get("columns").items();
        Names columnNames = new Names("column", what);
        List<String> pkFlagged = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < def.columns().size(); i++) {
            Column c = def.columns().get(i);
            Node at = columnNodes.get(i);
            columnNames.add(c.name(), at);
            enumColumns.add(new PendingEnum(c.type(), at, what + ", column '" + c.name() + "'"));
            if (c.type().kind() == ColumnType.Kind.ENUM && !c.type().values().isEmpty()) {
                columnEnums.putIfAbsent(c.type().argument(), c.type().values());
            }
            if (c.primaryKey()) pkFlagged.add(c.name());
            if (c.unique()) uniques.add(new UniqueConstraint(null, List.of(c.name())));
            if (c.references() != null) {
                foreignKeys.add(c.references());
                references.add(new PendingReference(name, c.references(), at));
            }
        }
        PrimaryKey pk = def.primaryKey() != null ? def.primaryKey()
                : pkFlagged.isEmpty() ? null : new PrimaryKey(null, pkFlagged);
        // A primary key column cannot hold NULL whatever the column says: read it so, as the database does.
        for (Column c : def.columns()) {
            boolean inKey = pk != null && pk.columns().contains(c.name());
            columns.add(new Column(c.name(), c.type(), c.nullable() && !inKey, c.serverDefault(), false, false,
                    c.comment(), null));
        }
        Names constraintNames = new Names("constraint", what);
        if (pk != null) {
            Node at = item.has("primary_key") ? item.get("primary_key") : item;
            checkColumns(def, pk.columns(), at, what + ", primary key");
            constraintNames.addIfNamed(pk.name(), at);
        }
        List<Node> uniqueNodes = listOf(item, "unique");
        for (int i = 0; i < def.uniques().size(); i++) {
            UniqueConstraint u = def.uniques().get(i);
            checkColumns(def, u.columns(), uniqueNodes.get(i), what + ", unique constraint");
            constraintNames.addIfNamed(u.name(), uniqueNodes.get(i));
            uniques.add(u);
        }
        List<Node> fkNodes = listOf(item, "foreign_keys");
        for (int i = 0; i < def.foreignKeys().size(); i++) {
            ForeignKey fk = def.foreignKeys().get(i);
            checkColumns(def, fk.columns(), fkNodes.get(i), what + ", foreign key");
            constraintNames.addIfNamed(fk.name(), fkNodes.get(i));
            foreignKeys.add(fk);
            references.add(new PendingReference(name, fk, fkNodes.get(i)));
        }
        List<Node> checkNodes = listOf(item, "checks");
        List<CheckConstraint> checks = new ArrayList<>();
        for (int i = 0; i < def.checks().size(); i++) {
            constraintNames.addIfNamed(def.checks().get(i).name(), checkNodes.get(i));
            checks.add(def.checks().get(i));
        }
        List<Index> indexes = new ArrayList<>();
        List<String> indexFields = new ArrayList<>(Definitions.INDEX_FIELDS);
        indexFields.remove("table");
        for (Node ix : listOf(item, "indexes")) {
            mapping(ix, "an index", indexFields);
            Index index = Definitions.index(ix, name, "an index of " + what);
            checkColumns(def, index.columns(), ix, what + ", index '" + index.name() + "'");
            checkColumns(def, index.include(), ix, what + ", index '" + index.name() + "'");
            String schema = schemaOf(name);
            indexNames.add(schema.isEmpty() ? index.name() : schema + "." + index.name(), ix);
            // btree is what an index is when nothing is said: the same index either way
            if ("btree".equals(index.using())) {
                index = new Index(index.name(), index.table(), index.columns(), index.expressions(), index.unique(),
                        index.where(), null, index.include());
            }
            indexes.add(index);
        }
        return Table.of(name, columns, pk, uniques, foreignKeys, checks, indexes, def.comment());
    }

    /** The schema part of a qualified name, or empty: index names are unique per schema. */
    private static String schemaOf(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? "" : qualified.substring(0, dot);
    }

    private static List<Node> listOf(Node item, String field) {
        Node list = item.get(field);
        return list.isNull() ? List.of() : list.items();
    }

    private static void checkColumns(TableDefinition def, List<String> names, Node at, String what) {
        for (String n : names) {
            if (def.column(n) == null) {
                throw at.error(what + " names column '" + n + "', which the table does not have");
            }
        }
    }

    /**
     * An enum column needs its type declared under {@code enums} or by the values of a column (its own
     * or another), and values it lists must be the same ones.
     */
    private void checkEnum(ColumnType type, Node at, String what) {
        if (type.kind() == ColumnType.Kind.ARRAY) {
            checkEnum(type.element(), at, what);
            return;
        }
        if (type.kind() != ColumnType.Kind.ENUM) return;
        EnumType declared = enums.get(type.argument());
        List<String> values = declared != null ? declared.values() : columnEnums.get(type.argument());
        if (values == null) {
            throw at.error(what + " has type " + type + ", but enums does not declare '" + type.argument()
                    + "': add it there, or give the column its values");
        }
        if (!type.values().isEmpty() && !values.equals(type.values())) {
            throw at.error(what + " lists the values " + type.values() + ", but " + (declared != null ? "enums declares"
                    : "another column gives") + " '" + type.argument() + "' with " + values);
        }
    }

    private void checkReference(PendingReference r) {
        ForeignKey fk = r.key();
        String what = "table '" + r.table() + "', foreign key" + (fk.name() == null ? "" : " '" + fk.name() + "'");
        Table target = tables.get(fk.refTable());
        if (target == null) {
            throw r.at().error(what + " refers to table '" + fk.refTable() + "', which the schema does not declare");
        }
        for (String c : fk.refColumns()) {
            if (target.column(c) == null) {
                throw r.at().error(what + " refers to column '" + c + "' of table '" + fk.refTable()
                        + "', which it does not have");
            }
        }
    }

    private static View view(Node item) {
        mapping(item, "a view", List.of("name", "query", "materialized"));
        String name = Fields.requiredText(item, "name", "a view");
        return new View(name, Definitions.viewQuery(item, "view '" + name + "'"),
                item.get("materialized").asBoolean(false));
    }

    private Hypertable hypertable(Node item) {
        mapping(item, "a hypertable", HYPERTABLE_FIELDS);
        String name = Fields.requiredText(item, "table", "a hypertable");
        String what = "hypertable '" + name + "'";
        Table table = tables.get(name);
        if (table == null) throw item.error(what + ": the schema declares no table '" + name + "'");
        String timeColumn = Fields.requiredText(item, "time_column", what);
        requireColumn(table, timeColumn, item.get("time_column"), what);
        String partitioning = Fields.optionalText(item, "partitioning_column");
        Node partitions = item.get("number_partitions");
        if ((partitioning == null) != partitions.isNull()) {
            throw item.error(what + ": partitioning_column and number_partitions go together");
        }
        Integer numberPartitions = null;
        if (partitioning != null) {
            requireColumn(table, partitioning, item.get("partitioning_column"), what);
            numberPartitions = partitions.asInt(0);
            if (numberPartitions < 1) throw partitions.error(what + ": number_partitions must be at least 1");
        }
        return new Hypertable(name, timeColumn, duration(item, "chunk_time_interval", what), partitioning,
                numberPartitions, compression(item.get("compression"), table, what), duration(item, "drop_after", what));
    }

    /**
     * {@code compression: {segment_by, order_by, compress_after}}; {@code {}} or {@code true} turns
     * compression on with TimescaleDB's defaults, {@code false} or nothing leaves it off.
     */
    private static Compression compression(Node node, Table table, String what) {
        if (node.isNull()) return null;
        if (node.isScalar()) return node.asBoolean(false) ? new Compression(List.of(), List.of(), null) : null;
        mapping(node, "compression", COMPRESSION_FIELDS);
        List<String> segmentBy = Fields.names(node, "segment_by", what, false);
        for (String c : segmentBy) requireColumn(table, c, node.get("segment_by"), what + ", segment_by");
        List<String> orderBy = Fields.names(node, "order_by", what, false);
        for (String key : orderBy) requireColumn(table, key.strip().split("\\s+")[0], node.get("order_by"), what + ", order_by");
        return new Compression(segmentBy, orderBy, duration(node, "compress_after", what));
    }

    private static Object duration(Node item, String field, String what) {
        Node value = item.get(field);
        if (value.isNull()) return null;
        if (!value.isScalar()) throw value.error(what + ": " + field + " is a duration such as '7 days' or a number");
        return Values.of(value);
    }

    private static void requireColumn(Table table, String column, Node at, String what) {
        if (table.column(column) == null) {
            throw at.error(what + " names column '" + column + "', which table '" + table.name() + "' does not have");
        }
    }

    /** Names met so far of one kind of object, so the second use of a name fails naming the first one's line. */
    private static final class Names {
        private final String kind;
        private final String where;
        private final Map<String, Integer> lines = new HashMap<>();

        Names(String kind) {
            this(kind, null);
        }

        Names(String kind, String where) {
            this.kind = kind;
            this.where = where;
        }

        void add(String name, Node at) {
            Integer first = lines.putIfAbsent(name, at.line());
            if (first != null) {
                throw at.error((where == null ? "" : where + ": ") + kind + " '" + name + "' is declared twice"
                        + " (first at line " + first + ")");
            }
        }

        void addIfNamed(String name, Node at) {
            if (name != null) add(name, at);
        }
    }
}
