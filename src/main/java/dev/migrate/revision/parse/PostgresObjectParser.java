package dev.migrate.revision.parse;

import static dev.migrate.revision.parse.DefinitionParser.enumList;
import static dev.migrate.revision.parse.OperationParser.checkFields;
import static dev.migrate.yaml.Fields.optionalText;
import static dev.migrate.yaml.Fields.requiredText;

import java.util.List;

import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateView;
import dev.migrate.ops.DropEnum;
import dev.migrate.ops.DropExtension;
import dev.migrate.ops.DropView;
import dev.migrate.ops.Operation;
import dev.migrate.ops.RenameEnumValue;
import dev.migrate.ops.ReplaceEnumValues;
import dev.migrate.ops.Source;
import dev.migrate.yaml.Node;

/** Reads the operations on enum types, extensions and views (README, "YAML revisions"). */
final class PostgresObjectParser {
    static final List<String> KINDS = List.of("create_enum", "drop_enum", "add_enum_value", "rename_enum_value",
            "replace_enum_values", "create_extension", "drop_extension", "create_view", "drop_view");

    private PostgresObjectParser() {
    }

    /** The operation {@code kind}, one of {@link #KINDS}, from the fields of {@code body}. */
    static Operation parse(String kind, Source at, Node body, String what) {
        switch (kind) {
            case "create_enum":
                checkFields(body, what, List.of("name", "schema", "values"));
                return new CreateEnum(at, requiredText(body, "name", what), optionalText(body, "schema"),
                        enumList(body, "values", what));
            case "drop_enum":
                checkFields(body, what, List.of("name", "schema", "values", "if_exists"));
                return new DropEnum(at, requiredText(body, "name", what), optionalText(body, "schema"),
                        body.has("values") ? enumList(body, "values", what) : null,
                        body.get("if_exists").asBoolean(false));
            case "add_enum_value": {
                checkFields(body, what, List.of("name", "schema", "value", "before", "after", "if_not_exists"));
                String before = optionalText(body, "before");
                String after = optionalText(body, "after");
                if (before != null && after != null) throw body.error(what + ": give before or after, not both");
                return new AddEnumValue(at, requiredText(body, "name", what), optionalText(body, "schema"),
                        requiredText(body, "value", what), before, after, body.get("if_not_exists").asBoolean(false));
            }
            case "rename_enum_value":
                checkFields(body, what, List.of("name", "schema", "value", "new_value"));
                return new RenameEnumValue(at, requiredText(body, "name", what), optionalText(body, "schema"),
                        requiredText(body, "value", what), requiredText(body, "new_value", what));
            case "replace_enum_values":
                checkFields(body, what, List.of("name", "schema", "values", "old_values"));
                return new ReplaceEnumValues(at, requiredText(body, "name", what), optionalText(body, "schema"),
                        enumList(body, "values", what), body.has("old_values") ? enumList(body, "old_values", what) : null);
            case "create_extension":
                checkFields(body, what, List.of("name", "schema", "version", "if_not_exists"));
                return new CreateExtension(at, requiredText(body, "name", what), optionalText(body, "schema"),
                        optionalText(body, "version"), body.get("if_not_exists").asBoolean(true));
            case "drop_extension":
                checkFields(body, what, List.of("name", "if_exists", "cascade", "schema", "version"));
                return new DropExtension(at, requiredText(body, "name", what), body.get("if_exists").asBoolean(false),
                        body.get("cascade").asBoolean(false), optionalText(body, "schema"), optionalText(body, "version"));
            case "create_view":
                return createView(at, body, what);
            default:
                return dropView(at, body, what);
        }
    }

    private static Operation createView(Source at, Node body, String what) {
        checkFields(body, what, List.of("name", "query", "materialized", "with_data", "or_replace"));
        boolean materialized = body.get("materialized").asBoolean(false);
        boolean orReplace = body.get("or_replace").asBoolean(false);
        if (materialized && orReplace) {
            throw body.get("or_replace").error(what + ": a materialized view cannot be created with or_replace");
        }
        return new CreateView(at, requiredText(body, "name", what), query(body, what), materialized,
                withData(body, materialized, what), orReplace);
    }

    private static Operation dropView(Source at, Node body, String what) {
        checkFields(body, what, List.of("name", "materialized", "if_exists", "query", "with_data"));
        boolean materialized = body.get("materialized").asBoolean(false);
        return new DropView(at, requiredText(body, "name", what), materialized, body.get("if_exists").asBoolean(false),
                body.has("query") ? query(body, what) : null, withData(body, materialized, what));
    }

    private static boolean withData(Node body, boolean materialized, String what) {
        if (body.has("with_data") && !materialized) {
            throw body.get("with_data").error(what + ": with_data applies to a materialized view (materialized: true)");
        }
        return body.get("with_data").asBoolean(true);
    }

    /** A view's query, without the trailing semicolon a user may have copied from psql. */
    static String query(Node body, String what) {
        String query = requiredText(body, "query", what).strip();
        while (query.endsWith(";")) query = query.substring(0, query.length() - 1).strip();
        if (query.isEmpty()) throw body.get("query").error(what + ": the query is empty");
        return query;
    }
}
