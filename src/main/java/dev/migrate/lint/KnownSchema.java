package dev.migrate.lint;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What lint learns about the schema while it walks the revisions in order, from the first one
 * (linted or not): column types, for a type change that gives no {@code existing_type}, and the
 * validated {@code CHECK (column IS NOT NULL)} constraints that make a later SET NOT NULL cheap.
 */
final class KnownSchema {
    private static final Pattern NOT_NULL_CHECK = Pattern.compile(
            "\\(*\\s*\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s+is\\s+not\\s+null\\s*\\)*", Pattern.CASE_INSENSITIVE);

    private final Map<String, Map<String, PgType>> types = new HashMap<>();
    /** Per table and column, the revision whose validated check proves the column has no NULL. */
    private final Map<String, Map<String, String>> notNullChecks = new HashMap<>();
    /** Checks added NOT VALID, by table and constraint name: the column they would prove, once validated. */
    private final Map<String, Map<String, String>> unvalidated = new HashMap<>();

    void column(String table, String column, PgType type) {
        types.computeIfAbsent(key(table), t -> new HashMap<>()).put(key(column), type);
    }

    /** The type of {@code table.column}, or null when no revision lint has read says. */
    PgType type(String table, String column) {
        return types.getOrDefault(key(table), Map.of()).get(key(column));
    }

    void renameColumn(String table, String column, String newName) {
        Map<String, PgType> columns = types.get(key(table));
        if (columns != null && columns.containsKey(key(column))) columns.put(key(newName), columns.remove(key(column)));
    }

    void renameTable(String table, String newName) {
        Map<String, PgType> columns = types.remove(key(table));
        if (columns != null) types.put(key(newName), columns);
    }

    /** A check added in {@code revision}; {@code validated} false for one added NOT VALID. */
    void check(String table, String name, String expression, boolean validated, String revision) {
        Matcher m = NOT_NULL_CHECK.matcher(expression.strip());
        if (!m.matches()) return;
        if (validated) {
            notNullChecks.computeIfAbsent(key(table), t -> new HashMap<>()).put(key(m.group(1)), revision);
        } else if (name != null) {
            unvalidated.computeIfAbsent(key(table), t -> new HashMap<>()).put(key(name), m.group(1));
        }
    }

    void validate(String table, String name, String revision) {
        String column = unvalidated.getOrDefault(key(table), new HashMap<>()).remove(key(name));
        if (column != null) notNullChecks.computeIfAbsent(key(table), t -> new HashMap<>()).put(key(column), revision);
    }

    /** Whether a revision before {@code revision} validated a check that {@code table.column} is not null. */
    boolean provenNotNull(String table, String column, String revision) {
        String by = notNullChecks.getOrDefault(key(table), Map.of()).get(key(column));
        return by != null && !by.equals(revision);
    }

    private static String key(String name) {
        String n = name.replace("\"", "").toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(dot + 1);
    }
}
