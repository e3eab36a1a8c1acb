package dev.migrate.diff;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SQL fragments compared loosely: the database keeps a check's or an index's expression in its
 * own spelling ({@code (total >= (0)::numeric)} for {@code total >= 0}), so case, white space,
 * parentheses, quotes and casts are left out before comparing.
 */
final class Sql {
    private static final Pattern CAST = Pattern.compile("::\\s*\"?[a-z_][a-z0-9_ .\"]*?(\\(\\s*\\d+(\\s*,\\s*\\d+)?\\s*\\))?(\\[\\])?(?=[\\s),]|$)");
    private static final Pattern NOISE = Pattern.compile("[\\s()\"]");

    private Sql() {
    }

    static String loose(String sql) {
        if (sql == null) return null;
        String s = sql.toLowerCase(Locale.ROOT);
        s = CAST.matcher(s).replaceAll("");
        return NOISE.matcher(s).replaceAll("");
    }

    static boolean same(String a, String b) {
        return a == null ? b == null : b != null && loose(a).equals(loose(b));
    }
}
