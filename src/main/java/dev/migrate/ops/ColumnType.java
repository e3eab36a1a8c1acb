package dev.migrate.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * A portable column type (README, "YAML revisions"), rendered per dialect.
 *
 * @param length    for {@code string(n)}: n, or null for an unbounded string
 * @param precision for {@code numeric(p,s)}: p, or null
 * @param scale     for {@code numeric(p,s)}: s, or null
 * @param element   for {@code array(T)}: T
 * @param argument  for {@code sql(...)}: the verbatim SQL type; for {@code enum(NAME)}: NAME
 * @param values    for {@code enum(NAME)}: the values written on the column ({@code values: [a, b]}),
 *                  or empty when the column only refers to an existing type
 */
public record ColumnType(Kind kind, Integer length, Integer precision, Integer scale, ColumnType element,
                         String argument, List<String> values) {
    public ColumnType {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public ColumnType(Kind kind, Integer length, Integer precision, Integer scale, ColumnType element, String argument) {
        this(kind, length, precision, scale, element, argument, List.of());
    }

    public enum Kind {
        UUID("uuid"), JSON("json"), JSONB("jsonb"), STRING("string(n)"), TEXT("text"), BOOLEAN("boolean"),
        SMALLINT("smallint"), INTEGER("integer"), BIGINT("bigint"), IDENTITY("identity"),
        BIGIDENTITY("bigidentity"), NUMERIC("numeric(p,s)"), FLOAT("float"), DOUBLE("double"), DATE("date"),
        TIME("time"), TIMESTAMP("timestamp"), TIMESTAMPTZ("timestamptz"), INTERVAL("interval"),
        BYTES("bytes"), ARRAY("array(T)"), SQL("sql(...)"), ENUM("enum(NAME)");

        private final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }

        /** How the type is written in a revision file. */
        public String spelling() {
            return spelling;
        }
    }

    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, null, null, null, null, null);
    }

    /** The names a user may write, for error messages. */
    public static List<String> spellings() {
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) out.add(k.spelling);
        return out;
    }

    /** This enum type with its values: a column that says them creates the type where needed. */
    public ColumnType withValues(List<String> enumValues) {
        return new ColumnType(kind, length, precision, scale, element, argument, enumValues);
    }

    public boolean isIdentity() {
        return kind == Kind.IDENTITY || kind == Kind.BIGIDENTITY;
    }

    /** The type as written in a revision file: inverted operations and messages show it this way. */
    @Override
    public String toString() {
        switch (kind) {
            case STRING: return length == null ? "string" : "string(" + length + ")";
            case NUMERIC:
                if (precision == null) return "numeric";
                return scale == null ? "numeric(" + precision + ")" : "numeric(" + precision + "," + scale + ")";
            case ARRAY: return "array(" + element + ")";
            case SQL: return "sql(" + argument + ")";
            case ENUM: return "enum(" + argument + ")";
            default: return kind.spelling;
        }
    }
}
