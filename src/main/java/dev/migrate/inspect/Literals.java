package dev.migrate.inspect;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ServerDefault;

/**
 * Turns a literal read from a catalog into the value a user would write in {@code schema.yaml}
 * for a column of that type: numbers for numeric columns, booleans for boolean ones, text
 * otherwise, with the same Java types {@link dev.migrate.yaml.Values} gives a YAML file.
 */
public final class Literals {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");

    private Literals() {
    }

    /** A number as {@code Values} reads one (Long, else BigDecimal), or null when {@code text} is not one. */
    public static Object number(String text) {
        String t = text.strip();
        if (INTEGER.matcher(t).matches()) {
            try {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException tooLong) {
                return new BigDecimal(t);
            }
        }
        if (DECIMAL.matcher(t).matches()) return new BigDecimal(t);
        return null;
    }

    /** Whether values of {@code type} are numbers. */
    public static boolean numeric(ColumnType type) {
        switch (type.kind()) {
            case SMALLINT: case INTEGER: case BIGINT: case IDENTITY: case BIGIDENTITY: case NUMERIC: case FLOAT: case DOUBLE:
                return true;
            default:
                return false;
        }
    }

    /**
     * The default for the string literal {@code text} of a column of {@code type}. A text that a
     * file would read as {@code now()}, {@code uuid()} or {@code sql(...)} stays the SQL
     * {@code expression} it came from, so reading the schema back gives the same default.
     */
    public static ServerDefault stringDefault(String text, ColumnType type, String expression) {
        if (numeric(type)) {
            Object n = number(text);
            if (n != null) return ServerDefault.literal(n);
        }
        if (type.kind() == ColumnType.Kind.BOOLEAN) {
            if (text.equalsIgnoreCase("true") || text.equals("1")) return ServerDefault.literal(Boolean.TRUE);
            if (text.equalsIgnoreCase("false") || text.equals("0")) return ServerDefault.literal(Boolean.FALSE);
        }
        String t = text.strip();
        if (t.equals("now()") || t.equals("uuid()") || t.startsWith("sql(") && t.endsWith(")")) {
            return ServerDefault.sql(expression);
        }
        return ServerDefault.literal(text);
    }
}
