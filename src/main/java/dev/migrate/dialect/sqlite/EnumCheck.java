package dev.migrate.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.dialect.sqlite.SqlTokens.Token;

/**
 * Where SQLite keeps the values of an enum column: a column CHECK named after the enum type,
 * {@code CONSTRAINT mood CHECK (m IN ('happy', 'sad'))} (the form SQLAlchemy gives a non-native
 * Enum). The name is what lets the enum operations find every column of a type.
 *
 * @param name the enum type's name, without schema
 */
record EnumCheck(String name, List<String> values) {
    EnumCheck {
        values = List.copyOf(values);
    }

    /** The constraint name of the enum {@code type} ({@code app.kind} gives {@code kind}). */
    static String nameOf(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The enum check that {@code clause} of {@code column} is, or null when it is some other constraint. */
    static EnumCheck of(ColumnDef.Clause clause, String column) {
        if (clause.name() == null || !clause.is("CHECK")) return null;
        List<Token> t = SqlTokens.of(clause.sql());
        // CONSTRAINT name CHECK ( column IN ( 'v' [, 'v']... ) )
        if (t.size() < 10 || !t.get(3).isSymbol("(") || !t.get(4).names(column) || !t.get(5).is("IN")
                || !t.get(6).isSymbol("(") || !t.get(t.size() - 1).isSymbol(")") || !t.get(t.size() - 2).isSymbol(")")) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 7; i < t.size() - 2; i += 2) {
            Token v = t.get(i);
            if (v.type() != SqlTokens.Type.STRING) return null;
            if (!(t.get(i + 1).isSymbol(",") || i + 1 == t.size() - 2)) return null;
            values.add(v.value());
        }
        return new EnumCheck(clause.name(), values);
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
