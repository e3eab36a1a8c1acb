package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.sqlite.SqlTokens.Token;

/**
 * Where SQLite keeps the values of an enum column: a column CHECK named after the enum type,
 * {@code CONSTRAINT mood CHECK (m IN ('happy', 'sad'))} (the form SQLAlchemy gives a non-native
 * Enum). The name is what lets the enum operations find every column of a type.
 *
 * @param name the enum type's name, without schema
 */
public record EnumCheck(String name, List<String> values) {
    public EnumCheck {
        values = List.copyOf(values);
    }

    /** The constraint name of the enum {@code type} ({@code app.kind} gives {@code kind}). */
    static String nameOf(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The enum check that {@code clause} of {@code column} is, or null when it is some other constraint. */
    static EnumCheck of(ColumnDef.Clause clause, String column) {
        if (clause.name() == null || !clause.is("CHECK")) return null;
        List<String> values = values(clause.checkExpression(), column);
        return values == null ? null : new EnumCheck(clause.name(), values);
    }

    /**
     * The values of a CHECK expression of the enum shape, {@code column IN ('v' [, 'v']...)}, or null
     * for any other expression.
     */
    public static List<String> values(String expression, String column) {
        if (expression == null) return null;
        List<Token> t = SqlTokens.of(expression);
        if (t.size() < 5 || !t.get(0).names(column) || !t.get(1).is("IN") || !t.get(2).isSymbol("(")
                || !t.get(t.size() - 1).isSymbol(")")) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 3; i < t.size() - 1; i += 2) {
            Token v = t.get(i);
            if (v.type() != SqlTokens.Type.STRING) return null;
            if (!(t.get(i + 1).isSymbol(",") || i + 1 == t.size() - 1)) return null;
            values.add(v.value());
        }
        return values;
    }

    /** The column constraint, for {@code column}. */
    ColumnDef.Clause clause(String column) {
        SqliteDialect d = SqliteDialect.INSTANCE;
        List<String> literals = new ArrayList<>();
        for (String v : values) literals.add(d.literal(v));
        return new ColumnDef.Clause(name, "CHECK", "CONSTRAINT " + d.quote(name) + " CHECK (" + d.quote(column) + " IN ("
                + String.join(", ", literals) + "))");
    }

    /** The VARCHAR length that fits every value, as create_table gives an enum column. */
    String type() {
        int longest = 1;
        for (String v : values) longest = Math.max(longest, v.length());
        return "VARCHAR(" + longest + ")";
    }
}
