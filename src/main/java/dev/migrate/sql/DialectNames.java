package dev.migrate.sql;

import java.util.List;
import java.util.Locale;

/**
 * The names of the databases migrate knows, as URLs and {@code dialect:} fields spell them. Kept
 * in the bottom package so that the operation and revision readers check the names a file uses
 * without knowing any database; each flavor's dialect is called by one of them (a test keeps the
 * two in step).
 */
public final class DialectNames {
    public static final List<String> ALL = List.of("postgresql", "sqlite");

    private DialectNames() {
    }

    /** {@code name} as {@link #ALL} spells it ({@code postgres} is accepted for {@code postgresql}), or null when unknown. */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("postgres")) lower = ALL.get(0);
        return ALL.contains(lower) ? lower : null;
    }

    /** {@code name} as {@link #ALL} spells it; {@link UnknownDialect} when it is none of them. */
    public static String require(String name) {
        String canonical = canonical(name);
        if (canonical == null) throw new UnknownDialect(name);
        return canonical;
    }
}
