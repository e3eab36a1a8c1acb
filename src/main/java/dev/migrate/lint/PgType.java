package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.ops.ColumnType;

/**
 * A PostgreSQL column type as lint compares it: a canonical name ({@code varchar}, {@code numeric},
 * {@code timestamp}, ...) and its modifiers ({@code varchar(20)} has [20]).
 */
record PgType(String name, List<Integer> modifiers) {
    PgType {
        modifiers = List.copyOf(modifiers);
    }

    static PgType of(ColumnType t) {
        switch (t.kind()) {
            case STRING: return new PgType("varchar", t.length() == null ? List.of() : List.of(t.length()));
            case NUMERIC: {
                List<Integer> m = new ArrayList<>();
                if (t.precision() != null) m.add(t.precision());
                if (t.scale() != null) m.add(t.scale());
                return new PgType("numeric", m);
            }
            case SQL: return parse(t.argument());
            case IDENTITY: return new PgType("integer", List.of());
            case BIGIDENTITY: return new PgType("bigint", List.of());
            case ENUM: return new PgType("enum " + t.argument(), List.of());
            case ARRAY: return new PgType(of(t.element()).name() + "[]", List.of());
            default: return new PgType(t.kind().name().toLowerCase(Locale.ROOT), List.of());
        }
    }

    /** A type as SQL writes it: {@code character varying(20)}, {@code int4}, {@code timestamp with time zone}. */
    static PgType parse(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<Integer> modifiers = new ArrayList<>();
        int open = s.indexOf('(');
        String tail = "";
        if (open >= 0) {
            int close = s.indexOf(')', open);
            if (close > open) {
                for (String part : s.substring(open + 1, close).split(",")) {
                    try {
                        modifiers.add(Integer.parseInt(part.strip()));
                    } catch (NumberFormatException e) {
                        // not a number: a type whose modifier lint does not compare
                    }
                }
                tail = s.substring(close + 1).strip();
            }
            s = (s.substring(0, open).strip() + " " + tail).strip();
        }
        return new PgType(canonical(s), modifiers);
    }

    private static String canonical(String name) {
        switch (name) {
            case "character varying": case "char varying": return "varchar";
            case "int": case "int4": return "integer";
            case "int8": return "bigint";
            case "int2": return "smallint";
            case "decimal": return "numeric";
            case "serial4": return "serial";
            case "serial8": return "bigserial";
            case "timestamp without time zone": return "timestamp";
            case "timestamp with time zone": return "timestamptz";
            case "bool": return "boolean";
            case "float8": case "double precision": return "double";
            default: return name;
        }
    }

    boolean isTimestampWithoutZone() {
        return name.equals("timestamp");
    }

    boolean isBoundedVarchar() {
        return name.equals("varchar") && !modifiers.isEmpty();
    }

    /** A 32-bit (or smaller) integer: as a key it runs out. */
    boolean isSmallInteger() {
        return List.of("integer", "smallint", "serial", "smallserial", "serial2").contains(name);
    }

    boolean isSerial() {
        return name.endsWith("serial") || name.equals("serial2");
    }

    @Override
    public String toString() {
        if (modifiers.isEmpty()) return name;
        List<String> m = new ArrayList<>();
        for (Integer i : modifiers) m.add(String.valueOf(i));
        return name + "(" + String.join(",", m) + ")";
    }
}
