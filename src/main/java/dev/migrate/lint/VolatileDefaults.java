package dev.migrate.lint;

import java.util.List;
import java.util.Locale;

import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ServerDefault;

/**
 * Which column defaults PostgreSQL must compute once per row when the column is added, rewriting
 * the table. A constant, or a stable function such as {@code now()}, is computed once and stored in
 * the catalog (PostgreSQL 11+), which costs nothing.
 */
final class VolatileDefaults {
    private static final List<String> FUNCTIONS = List.of("random(", "gen_random_uuid(", "uuid_generate_v1(",
            "uuid_generate_v1mc(", "uuid_generate_v4(", "clock_timestamp(", "timeofday(", "nextval(",
            "txid_current(", "pg_current_xact_id(");

    private VolatileDefaults() {
    }

    static boolean isVolatile(ServerDefault d) {
        if (d == null) return false;
        if (d.kind() == ServerDefault.Kind.UUID) return true;
        return d.kind() == ServerDefault.Kind.SQL && isVolatile(String.valueOf(d.value()));
    }

    static boolean isVolatile(String expression) {
        String e = expression.toLowerCase(Locale.ROOT).replace(" (", "(");
        for (String f : FUNCTIONS) {
            if (e.contains(f)) return true;
        }
        return false;
    }

    /** A column type whose every row gets a value of its own: serial and identity columns. */
    static boolean fillsEachRow(ColumnType t) {
        if (t.kind() == ColumnType.Kind.IDENTITY || t.kind() == ColumnType.Kind.BIGIDENTITY) return true;
        return t.kind() == ColumnType.Kind.SQL && (PgType.of(t).isSerial()
                || t.argument().toLowerCase(Locale.ROOT).contains("generated"));
    }
}
