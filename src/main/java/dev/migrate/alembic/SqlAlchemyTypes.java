package dev.migrate.alembic;

import java.util.List;
import java.util.Map;

/**
 * SQLAlchemy and {@code postgresql.*} column types as migrate's portable type names. An enum
 * carries its values (the type is created with the column, as SQLAlchemy does) unless it says
 * {@code create_type=False}.
 */
final class SqlAlchemyTypes {
    /**
     * A migrate type and, for an enum that creates its type, its values (else null); {@code sqliteType}
     * when SQLAlchemy makes another type on SQLite (else null).
     */
    record Converted(String type, List<String> values, String sqliteType) {
        Converted(String type, List<String> values) {
            this(type, values, null);
        }
    }

    private static final Map<String, String> PLAIN = Map.ofEntries(
            Map.entry("Text", "text"), Map.entry("TEXT", "text"), Map.entry("UnicodeText", "text"),
            Map.entry("Integer", "integer"), Map.entry("INTEGER", "integer"), Map.entry("INT", "integer"),
            Map.entry("BigInteger", "bigint"), Map.entry("BIGINT", "bigint"),
            Map.entry("SmallInteger", "smallint"), Map.entry("SMALLINT", "smallint"),
            Map.entry("Boolean", "boolean"), Map.entry("BOOLEAN", "boolean"),
            Map.entry("Date", "date"), Map.entry("DATE", "date"), Map.entry("Time", "time"), Map.entry("TIME", "time"),
            Map.entry("Interval", "interval"), Map.entry("INTERVAL", "interval"),
            Map.entry("LargeBinary", "bytes"), Map.entry("BYTEA", "bytes"), Map.entry("BLOB", "bytes"),
            Map.entry("JSON", "json"), Map.entry("JSONB", "jsonb"), Map.entry("UUID", "uuid"), Map.entry("Uuid", "uuid"),
            Map.entry("Float", "double"), Map.entry("FLOAT", "double"), Map.entry("REAL", "float"),
            Map.entry("DOUBLE_PRECISION", "double"), Map.entry("Double", "double"),
            Map.entry("INET", "sql(INET)"), Map.entry("CIDR", "sql(CIDR)"), Map.entry("MACADDR", "sql(MACADDR)"),
            Map.entry("CITEXT", "sql(CITEXT)"), Map.entry("TSVECTOR", "sql(TSVECTOR)"), Map.entry("MONEY", "sql(MONEY)"),
            Map.entry("HSTORE", "sql(HSTORE)"), Map.entry("OID", "sql(OID)"));

    private SqlAlchemyTypes() {
    }

    static Converted convert(PyExpr expr, PyValues values) {
        PyExpr e = values.resolve(expr);
        PyExpr.Call call = e instanceof PyExpr.Call c ? c : null;
        String dotted = PyExpr.dotted(call != null ? call.function() : e);
        if (dotted == null) throw new Unconvertible("a column type computed at run time (" + PyValues.describe(e) + ")");
        String name = dotted.substring(dotted.lastIndexOf('.') + 1);
        List<PyExpr> args = call == null ? List.of() : call.args();
        Map<String, PyExpr> kw = call == null ? Map.of() : call.kwargs();
        if (PLAIN.containsKey(name)) return new Converted(PLAIN.get(name), null);
        switch (name) {
            case "String": case "VARCHAR": case "Unicode": case "CHAR": case "NVARCHAR":
                if (args.isEmpty() && !kw.containsKey("length")) return new Converted("string", null);
                return new Converted("string(" + values.literal(args.isEmpty() ? kw.get("length") : args.get(0)) + ")", null);
            case "Numeric": case "NUMERIC": case "DECIMAL": {
                PyExpr p = args.size() > 0 ? args.get(0) : kw.get("precision");
                PyExpr s = args.size() > 1 ? args.get(1) : kw.get("scale");
                if (p == null) return new Converted("numeric", null);
                return new Converted("numeric(" + values.literal(p) + (s == null ? "" : "," + values.literal(s)) + ")", null);
            }
            case "DateTime": case "TIMESTAMP":
                return new Converted(kw.containsKey("timezone") && values.flag(kw.get("timezone")) ? "timestamptz" : "timestamp", null);
            case "ARRAY": {
                if (args.isEmpty()) throw new Unconvertible("ARRAY without an item type");
                Converted item = convert(args.get(0), values);
                return new Converted("array(" + item.type() + ")", null);
            }
            case "Enum": case "ENUM": {
                if (!kw.containsKey("name")) throw new Unconvertible("an Enum without name=");
                String typeName = values.text(kw.get("name"));
                boolean creates = !kw.containsKey("create_type") || values.flag(kw.get("create_type"));
                List<String> labels = new java.util.ArrayList<>();
                for (PyExpr a : args) labels.add(values.text(a));
                // SQLAlchemy 1.4 and later make an enum a plain VARCHAR on SQLite, without a CHECK unless create_constraint=True
                boolean check = kw.containsKey("create_constraint") && values.flag(kw.get("create_constraint"));
                int longest = labels.stream().mapToInt(String::length).max().orElse(0);
                return new Converted("enum(" + typeName + ")", creates && !labels.isEmpty() ? labels : null,
                        check || labels.isEmpty() ? null : "string(" + longest + ")");
            }
            default:
                throw new Unconvertible("the column type " + dotted + " has no migrate equivalent");
        }
    }
}
