package dev.migrate.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ColumnType.Kind;

/**
 * The portable type a SQL type spelling means: {@code int4} and {@code integer} are both
 * {@code integer}, {@code character varying(20)} and {@code VARCHAR(20)} are {@code string(20)},
 * {@code timestamp with time zone} is {@code timestamptz}. Types are compared by meaning, so the
 * catalog's spelling (PostgreSQL's {@code format_type}, SQLite's declared type) and a user's
 * {@code sql(...)} both go through here. What no portable name covers stays {@code sql(...)}.
 */
public final class SqlTypes {
    private static final Map<String, Kind> NAMES = Map.ofEntries(
            Map.entry("smallint", Kind.SMALLINT), Map.entry("int2", Kind.SMALLINT),
            Map.entry("integer", Kind.INTEGER), Map.entry("int", Kind.INTEGER), Map.entry("int4", Kind.INTEGER),
            Map.entry("bigint", Kind.BIGINT), Map.entry("int8", Kind.BIGINT),
            Map.entry("text", Kind.TEXT),
            Map.entry("boolean", Kind.BOOLEAN), Map.entry("bool", Kind.BOOLEAN),
            Map.entry("real", Kind.FLOAT), Map.entry("float4", Kind.FLOAT),
            // FLOAT without a precision is the SQL standard's double precision, as PostgreSQL reads it
            Map.entry("double precision", Kind.DOUBLE), Map.entry("double", Kind.DOUBLE),
            Map.entry("float8", Kind.DOUBLE), Map.entry("float", Kind.DOUBLE),
            Map.entry("date", Kind.DATE),
            Map.entry("time", Kind.TIME), Map.entry("time without time zone", Kind.TIME),
            Map.entry("timestamp", Kind.TIMESTAMP), Map.entry("timestamp without time zone", Kind.TIMESTAMP),
            Map.entry("datetime", Kind.TIMESTAMP),
            Map.entry("timestamptz", Kind.TIMESTAMPTZ), Map.entry("timestamp with time zone", Kind.TIMESTAMPTZ),
            Map.entry("interval", Kind.INTERVAL),
            Map.entry("bytea", Kind.BYTES), Map.entry("blob", Kind.BYTES),
            Map.entry("uuid", Kind.UUID), Map.entry("json", Kind.JSON), Map.entry("jsonb", Kind.JSONB));
    private static final Pattern STRING = Pattern.compile("(?:character varying|varchar)(?:\\(\\s*(\\d+)\\s*\\))?");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

    private SqlTypes() {
    }

    /** The portable type {@code sqlType} is, or {@code sql(sqlType)} when there is none. */
    public static ColumnType portable(String sqlType) {
        String text = sqlType.strip();
        String spelling = SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        if (spelling.endsWith("[]")) {
            ColumnType element = portable(text.substring(0, text.length() - 2));
            return new ColumnType(Kind.ARRAY, null, null, null, element, null);
        }
        Kind kind = NAMES.get(spelling);
        if (kind != null) return ColumnType.of(kind);
        Matcher m = STRING.matcher(spelling);
        if (m.matches()) {
            return new ColumnType(Kind.STRING, m.group(1) == null ? null : Integer.valueOf(m.group(1)), null, null, null, null);
        }
        m = NUMERIC.matcher(spelling);
        if (m.matches()) {
            Integer precision = m.group(1) == null ? null : Integer.valueOf(m.group(1));
            Integer scale = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            return new ColumnType(Kind.NUMERIC, null, precision, scale, null, null);
        }
        return new ColumnType(Kind.SQL, null, null, null, null, text);
    }
}
