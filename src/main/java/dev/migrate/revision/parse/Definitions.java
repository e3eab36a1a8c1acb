package dev.migrate.revision.parse;

import java.util.List;

import dev.migrate.ops.Column;
import dev.migrate.ops.Index;
import dev.migrate.ops.TableDefinition;
import dev.migrate.yaml.Node;

/**
 * The readers of column, table, index, enum and view definitions, for the other files that speak
 * the vocabulary of revision files (the target schema, {@code schema.yaml}): one parser, so both
 * files accept and refuse exactly the same things. Plain fields are read with {@link dev.migrate.yaml.Fields}.
 */
public final class Definitions {
    /** The fields of a table in create_table. */
    public static final List<String> TABLE_FIELDS = DefinitionParser.TABLE_FIELDS;
    /** The fields of an index in create_index. */
    public static final List<String> INDEX_FIELDS = DefinitionParser.INDEX_FIELDS;

    private Definitions() {
    }

    /** A column mapping ({@code {name, type, nullable, ...}}); unknown fields fail with file and line. */
    public static Column column(Node node) {
        return DefinitionParser.column(node);
    }

    /** The create_table fields of {@code node}; {@code what} names it in errors. Its keys are not checked here. */
    public static TableDefinition table(Node node, String what) {
        return DefinitionParser.table(node, what);
    }

    /** The create_index fields of {@code node} for an index of {@code table}. Its keys are not checked here. */
    public static Index index(Node node, String table, String what) {
        return DefinitionParser.index(node, table, what);
    }

    /** A required, non-empty list of distinct enum values under {@code field}. */
    public static List<String> enumValues(Node node, String field, String what) {
        return DefinitionParser.enumList(node, field, what);
    }

    /** The required {@code query} of a view, without a trailing semicolon. */
    public static String viewQuery(Node node, String what) {
        return PostgresObjectParser.query(node, what);
    }
}
