package dev.migrate.revision.parse;

import static dev.migrate.yaml.Fields.names;
import static dev.migrate.yaml.Fields.optionalText;
import static dev.migrate.yaml.Fields.required;
import static dev.migrate.yaml.Fields.requiredText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableDefinition;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.Values;

/** Reads the definitions operations are made of: columns, tables, constraints and indexes. */
final class DefinitionParser {
    static final List<String> COLUMN_FIELDS = List.of("name", "type", "nullable", "server_default", "primary_key",
            "unique", "comment", "references", "on_delete", "on_update", "values");
    static final List<String> TABLE_FIELDS = List.of("table", "columns", "primary_key", "unique", "foreign_keys",
            "checks", "comment");
    static final List<String> FOREIGN_KEY_FIELDS = List.of("name", "columns", "ref_table", "ref_columns",
            "on_delete", "on_update", "deferrable", "initially");
    static final List<String> INDEX_FIELDS = List.of("name", "table", "columns", "expressions", "unique", "where",
            "using", "include");
    private static final Set<String> ACTIONS = Set.of("CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION");
    private static final Set<String> INDEX_METHODS = Set.of("btree", "gin", "gist", "brin", "hash");

    private DefinitionParser() {
    }

    static Column column(Node node) {
        if (!node.isMap()) throw node.error("a column is a mapping with at least name and type");
        node.checkKeys("column", COLUMN_FIELDS);
        String name = requiredText(node, "name", "a column");
        ColumnType type = ColumnTypeParser.parse(required(node, "type", "column '" + name + "'"));
        if (node.has("values")) type = enumValues(node, name, type);
        boolean primaryKey = node.get("primary_key").asBoolean(false);
        boolean nullable = node.get("nullable").asBoolean(!primaryKey && !type.isIdentity());
        ForeignKey references = null;
        Node ref = node.get("references");
        if (!ref.isNull()) {
            String target = ref.text();
            int dot = target.lastIndexOf('.');
            if (dot <= 0 || dot == target.length() - 1) {
                throw ref.error("references must be written table.column, found '" + target + "'");
            }
            references = new ForeignKey(null, List.of(name), target.substring(0, dot), List.of(target.substring(dot + 1)),
                    action(node.get("on_delete")), action(node.get("on_update")), false, false);
        } else if (node.has("on_delete") || node.has("on_update")) {
            throw node.error("column '" + name + "': on_delete and on_update need references");
        }
        return new Column(name, type, nullable, serverDefault(node.get("server_default")), primaryKey,
                node.get("unique").asBoolean(false), optionalText(node, "comment"), references);
    }

    /** The default written at {@code node}, or null when the node is null. */
    static ServerDefault serverDefault(Node node) {
        if (node.isNull()) return null;
        Object value = Values.of(node);
        if (value instanceof String) {
            String text = ((String) value).trim();
            if (text.equals("now()")) return ServerDefault.NOW;
            if (text.equals("uuid()")) return ServerDefault.UUID;
            if (text.startsWith("sql(") && text.endsWith(")")) {
                return ServerDefault.sql(text.substring(4, text.length() - 1).trim());
            }
        }
        return ServerDefault.literal(value);
    }

    /**
     * The values of an enum column, written beside its type ({@code type: enum(mood)} with
     * {@code values: [happy, sad]}) rather than inside it, because a comma or colon inside a YAML
     * flow mapping would need quotes. With values, the column is self-contained: PostgreSQL
     * creates the type when it is missing and SQLite can write its CHECK constraint.
     */
    static ColumnType enumValues(Node node, String name, ColumnType type) {
        Node values = node.get("values");
        if (type.kind() != ColumnType.Kind.ENUM) {
            throw values.error("column '" + name + "': values belong to an enum(NAME) column, not to " + type);
        }
        return type.withValues(enumList(node, "values", "column '" + name + "'"));
    }

    /** A required, non-empty list of distinct enum values. */
    static List<String> enumList(Node node, String field, String what) {
        Node list = required(node, field, what);
        List<String> values = list.asStringList();
        if (values.isEmpty()) throw list.error(what + ": '" + field + "' must list at least one value");
        if (Set.copyOf(values).size() != values.size()) throw list.error(what + ": '" + field + "' lists a value twice");
        return values;
    }

    /** A table definition from the fields of create_table (or of a drop_table that carries one). */
    static TableDefinition table(Node node, String what) {
        String name = requiredText(node, "table", what);
        List<Column> columns = new ArrayList<>();
        Node columnList = required(node, "columns", what);
        for (Node c : columnList.items()) columns.add(column(c));
        if (columns.isEmpty()) throw columnList.error(what + ": a table needs at least one column");
        PrimaryKey pk = null;
        Node pkNode = node.get("primary_key");
        if (!pkNode.isNull()) {
            if (pkNode.isMap()) {
                pkNode.checkKeys("primary_key", List.of("name", "columns"));
                pk = new PrimaryKey(optionalText(pkNode, "name"), names(pkNode, "columns", "primary_key", true));
            } else {
                pk = new PrimaryKey(null, pkNode.asStringList());
            }
            for (Column c : columns) {
                if (c.primaryKey()) {
                    throw pkNode.error("table '" + name + "' declares its primary key twice: on column '" + c.name()
                            + "' and in primary_key");
                }
            }
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (Node u : node.get("unique").isNull() ? List.<Node>of() : node.get("unique").items()) {
            u.checkKeys("unique constraint", List.of("name", "columns"));
            uniques.add(new UniqueConstraint(optionalText(u, "name"), names(u, "columns", "a unique constraint", true)));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (Node f : node.get("foreign_keys").isNull() ? List.<Node>of() : node.get("foreign_keys").items()) {
            f.checkKeys("foreign key", FOREIGN_KEY_FIELDS);
            fks.add(foreignKey(f, optionalText(f, "name"), "a foreign key"));
        }
        List<CheckConstraint> checks = new ArrayList<>();
        for (Node c : node.get("checks").isNull() ? List.<Node>of() : node.get("checks").items()) {
            c.checkKeys("check constraint", List.of("name", "expression"));
            checks.add(new CheckConstraint(optionalText(c, "name"), requiredText(c, "expression", "a check constraint")));
        }
        return new TableDefinition(name, columns, pk, uniques, fks, checks, optionalText(node, "comment"));
    }

    static ForeignKey foreignKey(Node node, String name, String what) {
        List<String> columns = names(node, "columns", what, true);
        List<String> refColumns = names(node, "ref_columns", what, true);
        if (columns.size() != refColumns.size()) {
            throw node.error(what + ": columns and ref_columns must have the same length");
        }
        String initially = optionalText(node, "initially");
        boolean deferred = false;
        if (initially != null) {
            String v = initially.toLowerCase(Locale.ROOT);
            if (!v.equals("deferred") && !v.equals("immediate")) {
                throw node.get("initially").error("initially must be deferred or immediate, found '" + initially + "'");
            }
            deferred = v.equals("deferred");
        }
        boolean deferrable = node.get("deferrable").asBoolean(deferred);
        if (deferred && !deferrable) throw node.error(what + ": initially deferred needs deferrable: true");
        return new ForeignKey(name, columns, requiredText(node, "ref_table", what), refColumns,
                action(node.get("on_delete")), action(node.get("on_update")), deferrable, deferred);
    }

    /** A referential action, normalised to its SQL spelling; {@code set_null} and {@code set null} both work. */
    static String action(Node node) {
        if (node.isNull()) return null;
        String sql = node.text().trim().replace('_', ' ').toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (!ACTIONS.contains(sql)) {
            throw node.error("unknown referential action '" + node.text()
                    + "' (expected one of: cascade, restrict, set null, set default, no action)");
        }
        return sql;
    }

    static Index index(Node node, String what) {
        return index(node, null, what);
    }

    /** An index whose table is {@code table}, or the node's {@code table} field when null. */
    static Index index(Node node, String table, String what) {
        List<String> columns = names(node, "columns", what, false);
        List<String> expressions = names(node, "expressions", what, false);
        if (columns.isEmpty() && expressions.isEmpty()) throw node.error(what + " needs field 'columns' or 'expressions'");
        String using = optionalText(node, "using");
        if (using != null) {
            using = using.toLowerCase(Locale.ROOT);
            if (!INDEX_METHODS.contains(using)) {
                throw node.get("using").error("unknown index method '" + node.get("using").text()
                        + "' (expected one of: btree, gin, gist, brin, hash)");
            }
        }
        return new Index(requiredText(node, "name", what), table != null ? table : requiredText(node, "table", what),
                columns, expressions,
                node.get("unique").asBoolean(false), optionalText(node, "where"), using,
                names(node, "include", what, false));
    }
}
