package dev.migrate.inspect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.dialect.sqlite.SqlTokens;
import dev.migrate.dialect.sqlite.SqlTokens.Token;

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
        List<Token> tokens = SqlTokens.of(check);
        if (tokens.size() < 5 || !tokens.get(0).isIdentifier() || !tokens.get(0).identifier().equalsIgnoreCase(column)
                || !tokens.get(1).is("IN") || !tokens.get(2).isSymbol("(") || !tokens.get(tokens.size() - 1).isSymbol(")")) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 3; i < tokens.size() - 1; i += 2) {
            if (tokens.get(i).type() != SqlTokens.Type.STRING) return null;
            Token next = tokens.get(i + 1);
            if (i + 1 < tokens.size() - 1 ? !next.isSymbol(",") : !next.isSymbol(")")) return null;
            values.add(tokens.get(i).value());
        }
        int longest = 1;
        for (String v : values) longest = Math.max(longest, v.length());
        boolean distinct = java.util.Set.copyOf(values).size() == values.size();
        return values.isEmpty() || !distinct || Integer.parseInt(m.group(1)) != longest ? null : List.copyOf(values);
    }
}
