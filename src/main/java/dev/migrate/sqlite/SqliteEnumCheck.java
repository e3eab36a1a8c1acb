package dev.migrate.sqlite;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Recognises the column SQLite's dialect writes for {@code enum(NAME)}: {@code VARCHAR(n)} with
 * {@code CHECK (col IN ('a', 'b'))}, n being the longest value's length. Only that exact shape is
 * an enum; any other CHECK stays a check constraint.
 */
final class SqliteEnumCheck {
    private static final Pattern VARCHAR = Pattern.compile("(?i)VARCHAR\\s*\\(\\s*(\\d+)\\s*\\)");

    private SqliteEnumCheck() {
    }

    /** The enum's values when {@code check} on {@code column} of {@code declaredType} is that shape, else null. */
    static List<String> values(String check, String column, String declaredType) {
        Matcher m = VARCHAR.matcher(declaredType.strip());
        if (!m.matches()) return null;
        List<String> values = EnumCheck.values(check, column);
        if (values == null) return null;
        int longest = 1;
        for (String v : values) longest = Math.max(longest, v.length());
        boolean distinct = java.util.Set.copyOf(values).size() == values.size();
        return values.isEmpty() || !distinct || Integer.parseInt(m.group(1)) != longest ? null : List.copyOf(values);
    }
}
