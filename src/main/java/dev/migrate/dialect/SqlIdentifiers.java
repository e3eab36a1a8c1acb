package dev.migrate.dialect;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifier quoting shared by the dialects. Quoting only when needed keeps the SQL readable and
 * matches what users write by hand; quoting is needed for reserved words (they would not parse)
 * and for upper case or special characters (the database would fold or reject them).
 */
public final class SqlIdentifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    private SqlIdentifiers() {
    }

    public static String quote(String identifier, Set<String> reserved) {
        if (PLAIN.matcher(identifier).matches() && !reserved.contains(identifier)) return identifier;
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
