package dev.migrate.revision.parse;

import static dev.migrate.yaml.Fields.names;
import static dev.migrate.yaml.Fields.optionalText;
import static dev.migrate.yaml.Fields.required;
import static dev.migrate.yaml.Fields.requiredText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.BulkInsert;
import dev.migrate.ops.Change;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateCheckConstraint;
import dev.migrate.ops.CreateForeignKey;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreatePrimaryKey;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateTableComment;
import dev.migrate.ops.CreateUniqueConstraint;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.Execute;
import dev.migrate.ops.OnlyOn;
import dev.migrate.ops.Operation;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.Source;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.TableDefinition;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.sql.DialectNames;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.Values;

/**
 * Reads a YAML list of operations, each a one-key mapping ({@code - add_column: {...}}). Unknown
 * operations and unknown or missing fields fail with the file and line: a misspelt field must
 * never be silently ignored in a migration.
 */
public final class OperationParser {
    private static final List<String> CORE = List.of("create_table", "drop_table", "rename_table",
            "create_table_comment", "add_column", "drop_column", "alter_column", "rename_column", "create_primary_key",
            "create_unique_constraint", "create_foreign_key", "create_check_constraint", "validate_constraint", "drop_constraint",
            "create_index", "drop_index", "execute", "bulk_insert");
    static final List<String> KNOWN = known();
    /** The field every operation written as a mapping takes besides its own (see {@link OnlyOn}). */
    private static final String DIALECT = "dialect";
    /**
     * The field that tells {@code migrate lint} to let this operation pass ({@code lint: {ignore:
     * [rule], reason: why}}); it changes nothing the operation does, so it is only checked for shape.
     */
    private static final String LINT = "lint";

    /** Column types seen so far in the list, per table, so bulk_insert can render values as the columns expect. */
    private final Map<String, Map<String, ColumnType>> knownTypes = new HashMap<>();

    private OperationParser() {
    }

    /** The operations of {@code list}; a null node is an empty list. */
    public static List<Operation> parse(Node list) {
        List<Operation> out = new ArrayList<>();
        if (list.isNull()) return out;
        OperationParser parser = new OperationParser();
        for (Node item : list.items()) out.add(parser.operation(item));
        return out;
    }

    private static List<String> known() {
        List<String> out = new ArrayList<>(CORE);
        out.addAll(PostgresObjectParser.KINDS);
        out.addAll(TimescaleParser.KINDS);
        return List.copyOf(out);
    }

    /** Fails on a field of {@code body} that is neither one of {@code fields} nor {@code dialect}. */
    static void checkFields(Node body, String what, List<String> fields) {
        List<String> allowed = new ArrayList<>(fields);
        allowed.add(DIALECT);
        allowed.add(LINT);
        body.checkKeys(what, allowed);
        if (body.has(LINT)) checkLint(body.get(LINT), what);
    }

    private static void checkLint(Node lint, String what) {
        if (!lint.isMap()) throw lint.error(what + ": lint takes a mapping: {ignore: [rule, ...], reason: why}");
        lint.checkKeys(what + " lint", List.of("ignore", "reason"));
        if (!lint.has("ignore") || lint.get("ignore").asStringList().isEmpty()) {
            throw lint.error(what + ": lint needs 'ignore', the rules to let pass");
        }
        String reason = lint.get("reason").text();
        if (reason == null || reason.isBlank()) throw lint.error(what + ": lint needs 'reason', why the rules may be ignored");
    }

    /**
     * {@code dialect: NAME} on any operation written as a mapping restricts it to that dialect: it
     * is skipped on the others ({@link OnlyOn}).
     */
    private Operation operation(Node item) {
        Operation op = unrestricted(item);
        Node body = item.entries().values().iterator().next();
        if (!body.isMap() || !body.has(DIALECT)) return op;
        Node dialect = body.get(DIALECT);
        String name = dialect.requireText(DIALECT);
        if (!DialectNames.ALL.contains(name)) {
            throw dialect.error("unknown dialect '" + name + "' (expected one of: " + String.join(", ", DialectNames.ALL) + ")");
        }
        return new OnlyOn(op.at(), name, op);
    }

    private Operation unrestricted(Node item) {
        if (!item.isMap() || item.entries().size() != 1) {
            throw item.error("an operation is a mapping with one key, the operation name (- add_column: {...})");
        }
        Map.Entry<String, Node> e = item.entries().entrySet().iterator().next();
        String kind = e.getKey();
        Node body = e.getValue();
        Source at = new Source(item.origin(), item.line());
        if (!KNOWN.contains(kind)) throw new UnknownOperation(item, kind, KNOWN);
        if (kind.equals("execute")) return execute(at, body);
        if (!body.isMap()) throw body.error("operation '" + kind + "' takes a mapping of fields");
        String what = "operation '" + kind + "'";
        if (PostgresObjectParser.KINDS.contains(kind)) return PostgresObjectParser.parse(kind, at, body, what);
        if (TimescaleParser.KINDS.contains(kind)) return TimescaleParser.parse(kind, at, body, what);
        switch (kind) {
            case "create_table": {
                checkFields(body, what, DefinitionParser.TABLE_FIELDS);
                TableDefinition table = DefinitionParser.table(body, what);
                for (Column c : table.columns()) remember(table.name(), c);
                return new CreateTable(at, table);
            }
            case "drop_table": {
                checkFields(body, what, DefinitionParser.TABLE_FIELDS);
                String table = requiredText(body, "table", what);
                boolean defined = body.entries().keySet().stream().anyMatch(k -> !k.equals("table") && !k.equals(DIALECT) && !k.equals(LINT));
                return new DropTable(at, table, defined ? DefinitionParser.table(body, what) : null);
            }
            case "rename_table":
                checkFields(body, what, List.of("table", "new_name"));
                return new RenameTable(at, requiredText(body, "table", what), requiredText(body, "new_name", what));
            case "create_table_comment":
                checkFields(body, what, List.of("table", "comment", "existing_comment"));
                return new CreateTableComment(at, requiredText(body, "table", what), optionalText(body, "comment"),
                        optionalText(body, "existing_comment"));
            case "add_column": {
                checkFields(body, what, List.of("table", "column"));
                String table = requiredText(body, "table", what);
                Column column = DefinitionParser.column(required(body, "column", what));
                remember(table, column);
                return new AddColumn(at, table, column);
            }
            case "drop_column": {
                checkFields(body, what, List.of("table", "column"));
                String table = requiredText(body, "table", what);
                Node column = required(body, "column", what);
                if (column.isMap()) {
                    Column definition = DefinitionParser.column(column);
                    return new DropColumn(at, table, definition.name(), definition);
                }
                return new DropColumn(at, table, column.text(), null);
            }
            case "alter_column":
                return alterColumn(at, body, what);
            case "rename_column":
                checkFields(body, what, List.of("table", "column", "new_name"));
                return new RenameColumn(at, requiredText(body, "table", what), requiredText(body, "column", what),
                        requiredText(body, "new_name", what));
            case "create_primary_key":
                checkFields(body, what, List.of("table", "name", "columns"));
                return new CreatePrimaryKey(at, requiredText(body, "table", what),
                        new PrimaryKey(requiredText(body, "name", what), names(body, "columns", what, true)));
            case "create_unique_constraint":
                checkFields(body, what, List.of("table", "name", "columns"));
                return new CreateUniqueConstraint(at, requiredText(body, "table", what),
                        new UniqueConstraint(requiredText(body, "name", what), names(body, "columns", what, true)));
            case "create_foreign_key": {
                List<String> fields = new ArrayList<>(DefinitionParser.FOREIGN_KEY_FIELDS);
                fields.addAll(List.of("table", "not_valid"));
                checkFields(body, what, fields);
                return new CreateForeignKey(at, requiredText(body, "table", what),
                        DefinitionParser.foreignKey(body, requiredText(body, "name", what), what),
                        body.get("not_valid").asBoolean(false));
            }
            case "create_check_constraint":
                checkFields(body, what, List.of("table", "name", "expression", "not_valid"));
                return new CreateCheckConstraint(at, requiredText(body, "table", what),
                        new CheckConstraint(requiredText(body, "name", what), requiredText(body, "expression", what)),
                        body.get("not_valid").asBoolean(false));
            case "validate_constraint":
                checkFields(body, what, List.of("table", "name"));
                return new ValidateConstraint(at, requiredText(body, "table", what), requiredText(body, "name", what));
            case "drop_constraint":
                return dropConstraint(at, body, what);
            case "create_index": {
                List<String> fields = new ArrayList<>(DefinitionParser.INDEX_FIELDS);
                fields.addAll(List.of("concurrently", "if_not_exists"));
                checkFields(body, what, fields);
                return new CreateIndex(at, DefinitionParser.index(body, what),
                        body.get("concurrently").asBoolean(false), body.get("if_not_exists").asBoolean(false));
            }
            case "drop_index":
                return dropIndex(at, body, what);
            default:
                return bulkInsert(at, body, what);
        }
    }

    private Operation alterColumn(Source at, Node body, String what) {
        checkFields(body, what, List.of("table", "column", "type", "values", "using", "nullable", "server_default",
                "comment", "new_name", "existing_type", "existing_server_default", "existing_comment"));
        Node type = body.get("type");
        Node existingType = body.get("existing_type");
        Node nullable = body.get("nullable");
        if (body.has("using") && type.isNull()) throw body.get("using").error(what + ": using needs type");
        if (body.has("values") && type.isNull()) throw body.get("values").error(what + ": values needs type");
        ColumnType newType = type.isNull() ? null : ColumnTypeParser.parse(type);
        if (body.has("values")) newType = DefinitionParser.enumValues(body, requiredText(body, "column", what), newType);
        AlterColumn op = new AlterColumn(at, requiredText(body, "table", what), requiredText(body, "column", what),
                newType, optionalText(body, "using"),
                nullable.isNull() ? null : nullable.asBoolean(true),
                body.has("server_default") ? new Change<>(DefinitionParser.serverDefault(body.get("server_default"))) : null,
                body.has("comment") ? new Change<>(optionalText(body, "comment")) : null,
                optionalText(body, "new_name"),
                existingType.isNull() ? null : ColumnTypeParser.parse(existingType),
                body.has("existing_server_default")
                        ? new Change<>(DefinitionParser.serverDefault(body.get("existing_server_default"))) : null,
                body.has("existing_comment") ? new Change<>(optionalText(body, "existing_comment")) : null);
        if (op.type() == null && op.nullable() == null && op.serverDefault() == null && op.comment() == null
                && op.newName() == null) {
            throw body.error(what + " changes nothing: give type, nullable, server_default, comment or new_name");
        }
        return op;
    }

    private Operation dropConstraint(Source at, Node body, String what) {
        List<String> fields = new ArrayList<>(DefinitionParser.FOREIGN_KEY_FIELDS);
        fields.addAll(List.of("table", "type", "expression"));
        checkFields(body, what, fields);
        String table = requiredText(body, "table", what);
        String name = requiredText(body, "name", what);
        String type = optionalText(body, "type");
        if (type != null && !List.of("primary_key", "unique", "foreign_key", "check").contains(type)) {
            throw body.get("type").error("unknown constraint type '" + type
                    + "' (expected one of: primary_key, unique, foreign_key, check)");
        }
        boolean defined = body.has("columns") || body.has("expression");
        if (!defined) return new DropConstraint(at, table, name, type, null);
        if (type == null) throw body.error(what + ": a constraint definition needs field 'type'");
        TableConstraint definition;
        switch (type) {
            case "primary_key":
                definition = new PrimaryKey(name, names(body, "columns", what, true));
                break;
            case "unique":
                definition = new UniqueConstraint(name, names(body, "columns", what, true));
                break;
            case "foreign_key":
                definition = DefinitionParser.foreignKey(body, name, what);
                break;
            default:
                definition = new CheckConstraint(name, requiredText(body, "expression", what));
        }
        return new DropConstraint(at, table, name, type, definition);
    }

    private Operation dropIndex(Source at, Node body, String what) {
        List<String> fields = new ArrayList<>(DefinitionParser.INDEX_FIELDS);
        fields.addAll(List.of("concurrently", "if_exists"));
        checkFields(body, what, fields);
        String name = requiredText(body, "name", what);
        boolean defined = body.has("columns") || body.has("expressions");
        return new DropIndex(at, name, optionalText(body, "table"), defined ? DefinitionParser.index(body, what) : null,
                body.get("concurrently").asBoolean(false), body.get("if_exists").asBoolean(false));
    }

    private static Operation execute(Source at, Node body) {
        if (body.isMap()) {
            List<String> allowed = new ArrayList<>(DialectNames.ALL);
            allowed.add(LINT);
            body.checkKeys("operation 'execute'", allowed);
            if (body.has(LINT)) checkLint(body.get(LINT), "operation 'execute'");
            Map<String, String> perDialect = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : body.entries().entrySet()) {
                if (e.getValue().isNull() || e.getKey().equals(LINT)) continue;
                perDialect.put(e.getKey(), e.getValue().text());
                lines.put(e.getKey(), textLine(e.getValue()));
            }
            return new Execute(at, null, perDialect, lines);
        }
        if (body.isNull()) throw body.error("operation 'execute' needs the SQL to run");
        return new Execute(at, body.text(), Map.of(), Map.of("", textLine(body)));
    }

    /**
     * The line where a scalar's text starts. A text with line breaks is a block scalar ({@code |},
     * {@code >}): plain and quoted scalars fold their lines into spaces. A block's text starts on
     * the line after its indicator, which is where the node starts.
     */
    private static int textLine(Node scalar) {
        boolean block = scalar.text() != null && scalar.text().indexOf('\n') >= 0;
        return scalar.line() + (block ? 1 : 0);
    }

    private Operation bulkInsert(Source at, Node body, String what) {
        checkFields(body, what, List.of("table", "rows", "types"));
        String table = requiredText(body, "table", what);
        Map<String, ColumnType> types = new LinkedHashMap<>(knownTypes.getOrDefault(table, Map.of()));
        Node declared = body.get("types");
        if (!declared.isNull()) {
            for (Map.Entry<String, Node> e : declared.entries().entrySet()) {
                types.put(e.getKey(), ColumnTypeParser.parse(e.getValue()));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Node row : required(body, "rows", what).items()) {
            if (!row.isMap() || row.entries().isEmpty()) throw row.error(what + ": a row is a mapping of column to value");
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : row.entries().entrySet()) values.put(e.getKey(), Values.of(e.getValue()));
            rows.add(values);
        }
        return new BulkInsert(at, table, rows, types);
    }

    private void remember(String table, Column column) {
        knownTypes.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(column.name(), column.type());
    }
}
