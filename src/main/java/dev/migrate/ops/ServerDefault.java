package dev.migrate.ops;

/**
 * A column default filled in by the database: {@code now()}, {@code uuid()}, a literal value (a
 * list or mapping is a literal too, for array and json columns), or {@code sql(...)} written verbatim.
 *
 * @param value for LITERAL: a plain Java value (null, Boolean, Long, BigDecimal, String, List, Map); for SQL: the expression; otherwise null
 */
public record ServerDefault(Kind kind, Object value) {
    public enum Kind { NOW, UUID, LITERAL, SQL }

    public static final ServerDefault NOW = new ServerDefault(Kind.NOW, null);
    public static final ServerDefault UUID = new ServerDefault(Kind.UUID, null);

    public static ServerDefault literal(Object value) {
        return new ServerDefault(Kind.LITERAL, value);
    }

    public static ServerDefault sql(String expression) {
        return new ServerDefault(Kind.SQL, expression);
    }
}
