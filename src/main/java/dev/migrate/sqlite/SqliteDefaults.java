package dev.migrate.sqlite;

import java.util.List;

import dev.migrate.inspect.Literals;
import dev.migrate.inspect.SqlText;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ServerDefault;

/**
 * Turns a column default as SQLite keeps it ({@code pragma_table_xinfo.dflt_value}: the text after
 * DEFAULT, an expression without its parentheses) into the portable default: a quoted string or a
 * number is a literal (0 and 1 are false and true on a boolean column), {@code CURRENT_TIMESTAMP}
 * is {@code now()}, the expression migrate writes for {@code uuid()} is {@code uuid()}, and
 * anything else is {@code sql(...)}.
 */
final class SqliteDefaults {
    private static final String UUID = SqlText.unwrap(SqliteDialect.UUID_EXPRESSION);

    private SqliteDefaults() {
    }

    static ServerDefault of(String text, ColumnType type) {
        if (text == null) return null;
        String t = text.strip();
        if (t.equalsIgnoreCase("NULL")) return null;
        if (t.equalsIgnoreCase("CURRENT_TIMESTAMP")) return ServerDefault.NOW;
        String expression = SqlText.unwrap(t);
        if (expression.equals(UUID)) return ServerDefault.UUID;
        if (t.equalsIgnoreCase("TRUE") || t.equalsIgnoreCase("FALSE")) {
            return ServerDefault.literal(Boolean.valueOf(t.toLowerCase(java.util.Locale.ROOT)));
        }
        List<SqlTokens.Token> tokens = SqlTokens.of(t);
        if (tokens.size() == 1 && tokens.get(0).type() == SqlTokens.Type.STRING) {
            return Literals.stringDefault(tokens.get(0).value(), type, t);
        }
        Object number = Literals.number(t);
        if (number != null) {
            if (type.kind() == ColumnType.Kind.BOOLEAN && (number.equals(0L) || number.equals(1L))) {
                return ServerDefault.literal(number.equals(1L));
            }
            return ServerDefault.literal(number);
        }
        return ServerDefault.sql(expression);
    }
}
