package dev.migrate.yaml;

import java.util.List;

/**
 * The fields of a mapping as the files migrate reads expect them (revision files and
 * {@code schema.yaml} alike): a missing required field fails with the file and line, naming the
 * field and what needs it.
 */
public final class Fields {
    private Fields() {
    }

    /** A required field of {@code node}; a missing one fails naming the field and {@code what} needs it. */
    public static Node required(Node node, String field, String what) {
        Node value = node.get(field);
        if (value.isNull()) throw node.error(what + " needs field '" + field + "'");
        return value;
    }

    /** A required text field. */
    public static String requiredText(Node node, String field, String what) {
        return required(node, field, what).text();
    }

    /** An optional text field, or null. */
    public static String optionalText(Node node, String field) {
        Node value = node.get(field);
        return value.isNull() ? null : value.text();
    }

    /**
     * A list of names under {@code field} (a single name is a list of one); when {@code required},
     * a missing or empty one fails.
     */
    public static List<String> names(Node node, String field, String what, boolean required) {
        Node value = node.get(field);
        if (value.isNull() && required) throw node.error(what + " needs field '" + field + "'");
        List<String> out = value.asStringList();
        if (required && out.isEmpty()) throw value.error(what + ": '" + field + "' must name at least one column");
        return out;
    }
}
