package dev.migrate.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.inspect.Literals;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ServerDefault;

/**
 * Turns a column default as PostgreSQL prints it ({@code pg_get_expr}) into the portable default
 * a user writes: {@code 'active'::character varying} is the literal {@code active},
 * {@code '-1'::integer} the number -1, {@code now()} and {@code CURRENT_TIMESTAMP} are
 * {@code now()}, {@code gen_random_uuid()} is {@code uuid()}; anything else is {@code sql(...)}.
 */
final class PostgresDefaults {
    /** A quoted literal with casts to plain type names, nothing else after it. */
    private static final Pattern CAST_LITERAL = Pattern.compile(
            "'((?:[^']|'')*)'(?:::[A-Za-z_\"][A-Za-z0-9_ .\"\\[\\]()]*)*", Pattern.DOTALL);

    private PostgresDefaults() {
    }

    /** The default of a column of {@code type}, or null when {@code expression} is null or NULL. */
    static ServerDefault of(String expression, ColumnType type) {
        if (expression == null) return null;
        String e = expression.strip();
        if (e.equals("NULL") || e.startsWith("NULL::")) return null;
        if (e.equals("now()") || e.equals("CURRENT_TIMESTAMP")) return ServerDefault.NOW;
        if (e.equals("gen_random_uuid()")) return ServerDefault.UUID;
        if (e.equals("true") || e.equals("false")) return ServerDefault.literal(Boolean.valueOf(e));
        Object number = Literals.number(e);
        if (number != null) return ServerDefault.literal(number);
        Matcher m = CAST_LITERAL.matcher(e);
        if (m.matches()) return Literals.stringDefault(m.group(1).replace("''", "'"), type, e);
        return ServerDefault.sql(e);
    }
}
