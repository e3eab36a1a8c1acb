package dev.migrate.ops;

import dev.migrate.yaml.Node;

/**
 * A column default filled in by the database: {@code now()}, {@code uuid()}, a literal value (a
 * list or mapping is a literal too, for array and json columns), or {@code sql(...)} written verbatim.
 *
 * @param value for LITERAL: a value from {@link Values}; for SQL: the expression; otherwise null
 */
public record ServerDefault(Kind kind, Object value) {
    public enum Kind { NOW, UUID, LITERAL, SQL }

    public static final ServerDefault NOW = new ServerDefault(Kind.NOW, null);
    public static final ServerDefault UUID = new ServerDefault(Kind.UUID, null);

    /** The default written at {@code node}, or null when the node is null. */
    public static ServerDefault parse(Node node) {
        if (node.isNull()) return null;
        Object value = Values.of(node);
        if (value instanceof String) {
            String text = ((String) value).trim();
            if (text.equals("now()")) return NOW;
            if (text.equals("uuid()")) return UUID;
            if (text.startsWith("sql(") && text.endsWith(")")) {
                return new ServerDefault(Kind.SQL, text.substring(4, text.length() - 1).trim());
            }
        }
        return new ServerDefault(Kind.LITERAL, value);
    }

    public static ServerDefault literal(Object value) {
        return new ServerDefault(Kind.LITERAL, value);
    }

    public static ServerDefault sql(String expression) {
        return new ServerDefault(Kind.SQL, expression);
    }
}
