package dev.migrate.revision.parse;

import java.util.Locale;

import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ColumnType.Kind;
import dev.migrate.yaml.Node;

/** Reads a portable column type as a revision file writes it (README, "YAML revisions"): {@code string(50)}, {@code array(T)}, ... */
public final class ColumnTypeParser {
    private ColumnTypeParser() {
    }

    /** Parses the {@code type} value at {@code at}; an unknown name fails listing the valid ones. */
    public static ColumnType parse(Node at) {
        return parse(at.requireText("type"), at);
    }

    private static ColumnType parse(String text, Node at) {
        String t = text.trim();
        int open = t.indexOf('(');
        String head = (open < 0 ? t : t.substring(0, open)).trim().toLowerCase(Locale.ROOT);
        String arg = null;
        if (open >= 0) {
            if (!t.endsWith(")")) throw new UnknownColumnType(at, text);
            arg = t.substring(open + 1, t.length() - 1).trim();
        }
        switch (head) {
            case "string":
                if (arg == null) return ColumnType.of(Kind.STRING);
                return new ColumnType(Kind.STRING, number(arg, at, text), null, null, null, null);
            case "numeric":
                if (arg == null) return ColumnType.of(Kind.NUMERIC);
                String[] ps = arg.split(",", -1);
                if (ps.length > 2) throw new UnknownColumnType(at, text);
                Integer scale = ps.length == 2 ? number(ps[1], at, text) : null;
                return new ColumnType(Kind.NUMERIC, null, number(ps[0], at, text), scale, null, null);
            case "array":
                if (arg == null || arg.isEmpty()) throw new UnknownColumnType(at, text);
                return new ColumnType(Kind.ARRAY, null, null, null, parse(arg, at), null);
            case "sql":
            case "enum":
                if (arg == null || arg.isEmpty()) throw new UnknownColumnType(at, text);
                return new ColumnType(head.equals("sql") ? Kind.SQL : Kind.ENUM, null, null, null, null, arg);
            default:
                if (arg != null) throw new UnknownColumnType(at, text);
                for (Kind k : Kind.values()) {
                    if (k.spelling().equals(head)) return ColumnType.of(k);
                }
                throw new UnknownColumnType(at, text);
        }
    }

    private static Integer number(String s, Node at, String text) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n < 0) throw new UnknownColumnType(at, text);
            return n;
        } catch (NumberFormatException e) {
            throw new UnknownColumnType(at, text);
        }
    }
}
