package dev.migrate.alembic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Alembic {@code op.*} (or {@code batch_op.*}) call as migrate operations, written as the maps
 * of a YAML revision ({@code {add_column: {table: ..., column: {...}}}}).
 */
final class OperationConverter {
    private final PyValues values;

    OperationConverter(PyValues values) {
        this.values = values;
    }

    /** The operations for {@code call}, named {@code method}; {@code batchTable} is the table of a batch_alter_table, or null. */
    List<Map<String, Object>> convert(String method, PyExpr.Call call, String batchTable) {
        List<PyExpr> a = new ArrayList<>(call.args());
        Map<String, PyExpr> kw = call.kwargs();
        if (batchTable != null) batchArguments(method, a, kw, batchTable);
        Map<String, Object> m = new LinkedHashMap<>();
        switch (method) {
            case "create_table":
                return createTable(a, kw);
            case "drop_table":
                m.put("table", text(arg(a, kw, 0, "table_name")));
                return one("drop_table", m);
            case "rename_table":
                m.put("table", text(arg(a, kw, 0, "old_table_name")));
                m.put("new_name", text(arg(a, kw, 1, "new_table_name")));
                return one("rename_table", m);
            case "create_table_comment":
                m.put("table", text(arg(a, kw, 0, "table_name")));
                m.put("comment", values.literal(arg(a, kw, 1, "comment")));
                return one("create_table_comment", m);
            case "drop_table_comment":
                m.put("table", text(arg(a, kw, 0, "table_name")));
                m.put("comment", null);
                return one("create_table_comment", m);
            case "add_column":
                m.put("table", text(arg(a, kw, 0, "table_name")));
                m.put("column", column(arg(a, kw, 1, "column"), null));
                return Serial.splitAddColumn(m);
            case "drop_column":
                m.put("table", text(arg(a, kw, 0, "table_name")));
                m.put("column", text(arg(a, kw, 1, "column_name")));
                return one("drop_column", m);
            case "alter_column":
                return alterColumn(a, kw);
            case "create_index":
                return createIndex(a, kw);
            case "drop_index":
                m.put("name", text(arg(a, kw, 0, "index_name")));
                PyExpr table = opt(a, kw, 1, "table_name");
                if (table != null) m.put("table", text(table));
                if (kw.containsKey("postgresql_concurrently") && values.flag(kw.get("postgresql_concurrently"))) m.put("concurrently", true);
                if (kw.containsKey("if_exists") && values.flag(kw.get("if_exists"))) m.put("if_exists", true);
                return one("drop_index", m);
            case "create_primary_key":
            case "create_unique_constraint":
                m.put("table", text(arg(a, kw, 1, "table_name")));
                m.put("name", text(arg(a, kw, 0, "constraint_name")));
                m.put("columns", values.texts(arg(a, kw, 2, "columns")));
                return one(method, m);
            case "create_foreign_key":
                m.put("table", text(arg(a, kw, 1, "source_table")));
                m.put("name", text(arg(a, kw, 0, "constraint_name")));
                m.put("columns", values.texts(arg(a, kw, 3, "local_cols")));
                m.put("ref_table", text(arg(a, kw, 2, "referent_table")));
                m.put("ref_columns", values.texts(arg(a, kw, 4, "remote_cols")));
                foreignKeyOptions(kw, m);
                return one("create_foreign_key", m);
            case "create_check_constraint":
                m.put("table", text(arg(a, kw, 1, "table_name")));
                m.put("name", text(arg(a, kw, 0, "constraint_name")));
                m.put("expression", sqlText(arg(a, kw, 2, "condition")));
                return one("create_check_constraint", m);
            case "drop_constraint":
                m.put("table", text(arg(a, kw, 1, "table_name")));
                m.put("name", text(arg(a, kw, 0, "constraint_name")));
                PyExpr type = opt(a, kw, 2, "type_");
                if (type != null) m.put("type", constraintType(text(type)));
                return one("drop_constraint", m);
            case "execute":
                return List.of(Map.of("execute", sqlText(arg(a, kw, 0, "sqltext"))));
            case "bulk_insert":
                return bulkInsert(a, kw);
            default:
                throw new Unconvertible("op." + method + " has no migrate operation");
        }
    }

    /**
     * {@code ENUM(..., name=...).create(op.get_bind())} or {@code .drop(...)}, directly or through a
     * local name, as create_enum / drop_enum; null when {@code call} is not one.
     */
    List<Map<String, Object>> enumTypeCall(PyExpr.Call call) {
        if (!(call.function() instanceof PyExpr.Attr a) || !(a.name().equals("create") || a.name().equals("drop"))) return null;
        if (!(values.resolve(a.target()) instanceof PyExpr.Call type)) return null;
        String kind = PyExpr.dotted(type.function());
        if (kind == null || !(kind.endsWith("Enum") || kind.endsWith("ENUM"))) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        if (!type.kwargs().containsKey("name")) throw new Unconvertible("an Enum without name=");
        m.put("name", text(type.kwargs().get("name")));
        List<String> labels = new ArrayList<>();
        for (PyExpr label : type.args()) labels.add(text(label));
        boolean create = a.name().equals("create");
        if (create && labels.isEmpty()) throw new Unconvertible("an Enum created without values");
        if (!labels.isEmpty()) m.put("values", labels);
        // checkfirst tolerates the type's absence; postgresql.ENUM checks first unless told not to, sa.Enum does not
        PyExpr checkfirst = call.kwargs().get("checkfirst");
        if (!create && (checkfirst == null ? kind.endsWith("ENUM") : values.flag(checkfirst))) m.put("if_exists", true);
        return one(create ? "create_enum" : "drop_enum", m);
    }

    /** batch_op calls leave out the table: put it where the op.* form has it. */
    private static void batchArguments(String method, List<PyExpr> a, Map<String, PyExpr> kw, String table) {
        PyExpr t = new PyExpr.Str(table, false, 0);
        switch (method) {
            case "add_column": case "drop_column": case "alter_column":
                a.add(0, t);
                break;
            case "create_index": case "create_unique_constraint": case "create_foreign_key": case "drop_constraint":
            case "create_check_constraint": case "create_primary_key":
                a.add(Math.min(1, a.size()), t);
                break;
            case "drop_index":
                if (a.size() < 2 && !kw.containsKey("table_name")) a.add(Math.min(1, a.size()), t);
                break;
            default:
                throw new Unconvertible("batch_op." + method + " has no migrate operation");
        }
    }

    private List<Map<String, Object>> createTable(List<PyExpr> a, Map<String, PyExpr> kw) {
        String table = text(arg(a, kw, 0, "table_name"));
        List<Map<String, Object>> columns = new ArrayList<>();
        Map<String, Object> primaryKey = null;
        List<Object> uniques = new ArrayList<>();
        List<Object> foreignKeys = new ArrayList<>();
        List<Object> checks = new ArrayList<>();
        List<String> pkColumns = new ArrayList<>();
        for (PyExpr item : a.subList(1, a.size())) {
            PyExpr.Call c = call(item);
            String kind = last(c);
            Map<String, Object> constraint = new LinkedHashMap<>();
            PyExpr givenName = c.kwargs().containsKey("name") ? values.resolve(c.kwargs().get("name")) : null;
            if (givenName != null && !(givenName instanceof PyExpr.Const)) {
                constraint.put("name", text(c.kwargs().get("name")));
            }
            switch (kind) {
                case "Column":
                    Map<String, Object> col = column(c, foreignKeys);
                    if (Boolean.TRUE.equals(col.get("primary_key"))) pkColumns.add((String) col.get("name"));
                    columns.add(col);
                    break;
                case "PrimaryKeyConstraint":
                    for (PyExpr x : c.args()) pkColumns.add(text(x));
                    constraint.put("columns", pkColumns);
                    primaryKey = constraint;
                    break;
                case "UniqueConstraint":
                    List<String> cols = new ArrayList<>();
                    for (PyExpr x : c.args()) cols.add(text(x));
                    constraint.put("columns", cols);
                    uniques.add(constraint);
                    break;
                case "ForeignKeyConstraint":
                    constraint.put("columns", values.texts(c.args().get(0)));
                    List<String> refs = values.texts(c.args().get(1));
                    constraint.put("ref_table", refs.get(0).substring(0, refs.get(0).lastIndexOf('.')));
                    List<String> refColumns = new ArrayList<>();
                    for (String r : refs) refColumns.add(r.substring(r.lastIndexOf('.') + 1));
                    constraint.put("ref_columns", refColumns);
                    foreignKeyOptions(c.kwargs(), constraint);
                    foreignKeys.add(constraint);
                    break;
                case "CheckConstraint":
                    constraint.put("expression", sqlText(c.args().get(0)));
                    checks.add(constraint);
                    break;
                default:
                    throw new Unconvertible("sa." + kind + " in create_table");
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", table);
        m.put("columns", columns);
        if (primaryKey != null) {
            m.put("primary_key", primaryKey);
            for (Map<String, Object> col : columns) {
                if (pkColumns.contains(col.get("name"))) col.put("nullable", false);
            }
        }
        if (!uniques.isEmpty()) m.put("unique", uniques);
        if (!foreignKeys.isEmpty()) m.put("foreign_keys", foreignKeys);
        if (!checks.isEmpty()) m.put("checks", checks);
        if (kw.containsKey("comment")) m.put("comment", values.literal(kw.get("comment")));
        return Serial.split(m, pkColumns);
    }

    /** An {@code sa.Column}; a ForeignKey argument goes to {@code foreignKeys} when the column is in a create_table. */
    private Map<String, Object> column(PyExpr expr, List<Object> foreignKeys) {
        PyExpr.Call c = call(expr);
        if (!last(c).equals("Column")) throw new Unconvertible("expected sa.Column, found " + PyValues.describe(c));
        Map<String, PyExpr> kw = c.kwargs();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", text(c.args().get(0)));
        SqlAlchemyTypes.Converted type = null;
        boolean identity = false;
        for (PyExpr x : c.args().subList(1, c.args().size())) {
            PyExpr r = values.resolve(x);
            String name = r instanceof PyExpr.Call rc ? last(rc) : PyExpr.dotted(r);
            if ("Identity".equals(name)) {
                identity = true;
            } else if ("ForeignKey".equals(name)) {
                PyExpr.Call fk = (PyExpr.Call) r;
                String target = text(fk.args().get(0));
                if (foreignKeys == null) {
                    m.put("references", target);
                    if (fk.kwargs().containsKey("ondelete")) m.put("on_delete", values.literal(fk.kwargs().get("ondelete")));
                    if (fk.kwargs().containsKey("onupdate")) m.put("on_update", values.literal(fk.kwargs().get("onupdate")));
                } else {
                    Map<String, Object> f = new LinkedHashMap<>();
                    if (fk.kwargs().containsKey("name")) f.put("name", text(fk.kwargs().get("name")));
                    f.put("columns", List.of(m.get("name")));
                    f.put("ref_table", target.substring(0, target.lastIndexOf('.')));
                    f.put("ref_columns", List.of(target.substring(target.lastIndexOf('.') + 1)));
                    foreignKeyOptions(fk.kwargs(), f);
                    foreignKeys.add(f);
                }
            } else if (type == null) {
                type = SqlAlchemyTypes.convert(x, values);
            } else {
                throw new Unconvertible("the column argument " + PyValues.describe(r));
            }
        }
        if (type == null) throw new Unconvertible("a column without a type");
        String t = type.type();
        if (identity) t = t.equals("bigint") ? "bigidentity" : "identity";
        m.put("type", t);
        if (type.values() != null) m.put("values", type.values());
        if (type.sqliteType() != null) m.put(Serial.SQLITE_TYPE, type.sqliteType());
        boolean pk = kw.containsKey("primary_key") && values.flag(kw.get("primary_key"));
        if (pk) m.put("primary_key", true);
        if (kw.containsKey("nullable")) m.put("nullable", values.flag(kw.get("nullable")));
        else if (!pk && !identity) m.put("nullable", true);
        if (kw.containsKey("server_default")) m.put("server_default", serverDefault(kw.get("server_default")));
        if (kw.containsKey("unique") && values.flag(kw.get("unique"))) m.put("unique", true);
        if (kw.containsKey("comment")) m.put("comment", values.literal(kw.get("comment")));
        if (kw.containsKey("autoincrement") && Boolean.FALSE.equals(values.literal(kw.get("autoincrement")))) {
            m.put(Serial.NOT_SERIAL, true);
        }
        return m;
    }

    private Object serverDefault(PyExpr expr) {
        PyExpr e = values.resolve(expr);
        if (e instanceof PyExpr.Call c) {
            String f = PyExpr.dotted(c.function());
            if (f != null && (f.endsWith("text") || f.endsWith("literal_column"))) return "sql(" + text(c.args().get(0)) + ")";
            if (f != null && (f.endsWith("func.now") || f.endsWith("func.current_timestamp"))) return "now()";
            if (f != null && f.endsWith("func.gen_random_uuid")) return "uuid()";
            if (f != null && f.endsWith(".true")) return true;
            if (f != null && f.endsWith(".false")) return false;
            if (f != null && f.contains("func.")) return "sql(" + f.substring(f.indexOf("func.") + 5) + "())";
        }
        Object v = values.literal(e);
        return v;
    }

    private List<Map<String, Object>> alterColumn(List<PyExpr> a, Map<String, PyExpr> kw) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", text(arg(a, kw, 0, "table_name")));
        m.put("column", text(arg(a, kw, 1, "column_name")));
        for (Map.Entry<String, PyExpr> e : kw.entrySet()) {
            switch (e.getKey()) {
                case "table_name": case "column_name": case "existing_nullable": case "existing_autoincrement": case "schema":
                    if (e.getKey().equals("schema") && values.literal(e.getValue()) != null) throw new Unconvertible("alter_column in another schema");
                    break;
                case "nullable": m.put("nullable", values.flag(e.getValue())); break;
                case "type_": m.put("type", SqlAlchemyTypes.convert(e.getValue(), values).type()); break;
                case "existing_type": m.put("existing_type", SqlAlchemyTypes.convert(e.getValue(), values).type()); break;
                case "server_default": m.put("server_default", serverDefault(e.getValue())); break;
                case "existing_server_default": m.put("existing_server_default", serverDefault(e.getValue())); break;
                case "new_column_name": m.put("new_name", text(e.getValue())); break;
                case "comment": m.put("comment", values.literal(e.getValue())); break;
                case "existing_comment": m.put("existing_comment", values.literal(e.getValue())); break;
                case "postgresql_using": m.put("using", text(e.getValue())); break;
                default: throw new Unconvertible("alter_column(" + e.getKey() + "=...)");
            }
        }
        return one("alter_column", m);
    }

    private List<Map<String, Object>> createIndex(List<PyExpr> a, Map<String, PyExpr> kw) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", text(arg(a, kw, 0, "index_name")));
        m.put("table", text(arg(a, kw, 1, "table_name")));
        PyExpr cols = values.resolve(arg(a, kw, 2, "columns"));
        List<String> columns = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        for (PyExpr c : cols instanceof PyExpr.ListOf l ? l.items() : List.of(cols)) {
            PyExpr r = values.resolve(c);
            if (r instanceof PyExpr.Call call) expressions.add(sqlText(call));
            else columns.add(text(r));
        }
        if (!columns.isEmpty() && !expressions.isEmpty()) throw new Unconvertible("an index mixing columns and expressions");
        m.put(columns.isEmpty() ? "expressions" : "columns", columns.isEmpty() ? expressions : columns);
        for (Map.Entry<String, PyExpr> e : kw.entrySet()) {
            switch (e.getKey()) {
                case "index_name": case "table_name": case "columns": break;
                case "unique": if (values.flag(e.getValue())) m.put("unique", true); break;
                case "postgresql_using": m.put("using", text(e.getValue())); break;
                case "postgresql_where": case "sqlite_where": m.put("where", sqlText(e.getValue())); break;
                case "postgresql_include": m.put("include", values.texts(e.getValue())); break;
                case "postgresql_concurrently": if (values.flag(e.getValue())) m.put("concurrently", true); break;
                case "if_not_exists": if (values.flag(e.getValue())) m.put("if_not_exists", true); break;
                default: throw new Unconvertible("create_index(" + e.getKey() + "=...)");
            }
        }
        return one("create_index", m);
    }

    private List<Map<String, Object>> bulkInsert(List<PyExpr> a, Map<String, PyExpr> kw) {
        PyExpr.Call table = call(arg(a, kw, 0, "table"));
        if (!last(table).equals("table")) throw new Unconvertible("bulk_insert into something other than sa.table(...)");
        Map<String, Object> types = new LinkedHashMap<>();
        for (PyExpr c : table.args().subList(1, table.args().size())) {
            PyExpr.Call col = call(c);
            if (col.args().size() > 1) types.put(text(col.args().get(0)), SqlAlchemyTypes.convert(col.args().get(1), values).type());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", text(table.args().get(0)));
        m.put("rows", values.literal(arg(a, kw, 1, "rows")));
        if (!types.isEmpty()) m.put("types", types);
        return one("bulk_insert", m);
    }

    private void foreignKeyOptions(Map<String, PyExpr> kw, Map<String, Object> m) {
        if (kw.containsKey("ondelete")) m.put("on_delete", values.literal(kw.get("ondelete")));
        if (kw.containsKey("onupdate")) m.put("on_update", values.literal(kw.get("onupdate")));
        if (kw.containsKey("deferrable") && values.flag(kw.get("deferrable"))) m.put("deferrable", true);
        if (kw.containsKey("initially")) m.put("initially", text(kw.get("initially")).toLowerCase());
        for (String k : kw.keySet()) {
            if (!List.of("ondelete", "onupdate", "deferrable", "initially", "name", "source_schema", "referent_schema", "match")
                    .contains(k)) {
                throw new Unconvertible("a foreign key option " + k + "=");
            }
        }
    }

    private static String constraintType(String alembicType) {
        switch (alembicType) {
            case "foreignkey": return "foreign_key";
            case "primary": return "primary_key";
            case "unique": return "unique";
            case "check": return "check";
            default: throw new Unconvertible("drop_constraint(type_='" + alembicType + "')");
        }
    }

    /** SQL given as a string or {@code sa.text(...)}. */
    private String sqlText(PyExpr expr) {
        PyExpr e = values.resolve(expr);
        if (e instanceof PyExpr.Call c) {
            String f = PyExpr.dotted(c.function());
            if (f != null && (f.equals("text") || f.endsWith(".text")) && c.args().size() == 1 && c.kwargs().isEmpty()) {
                return text(c.args().get(0));
            }
            throw new Unconvertible("SQL built at run time (" + PyValues.describe(c) + ")");
        }
        return text(e);
    }

    /** A name given as a string or wrapped in {@code op.f(...)}. */
    private String text(PyExpr expr) {
        PyExpr e = values.resolve(expr);
        if (e instanceof PyExpr.Call c && "f".equals(last(c)) && c.args().size() == 1) return values.text(c.args().get(0));
        return values.text(e);
    }

    private PyExpr.Call call(PyExpr expr) {
        PyExpr e = values.resolve(expr);
        if (e instanceof PyExpr.Call c) return c;
        throw new Unconvertible("expected a call, found " + PyValues.describe(e));
    }

    private static String last(PyExpr.Call c) {
        String d = PyExpr.dotted(c.function());
        if (d == null) throw new Unconvertible("a call of something computed");
        return d.substring(d.lastIndexOf('.') + 1);
    }

    private static PyExpr arg(List<PyExpr> a, Map<String, PyExpr> kw, int index, String name) {
        PyExpr e = opt(a, kw, index, name);
        if (e == null) throw new Unconvertible("missing argument " + name);
        return e;
    }

    private static PyExpr opt(List<PyExpr> a, Map<String, PyExpr> kw, int index, String name) {
        if (index < a.size()) return a.get(index);
        return kw.get(name);
    }

    private static List<Map<String, Object>> one(String kind, Map<String, Object> fields) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(kind, fields);
        return List.of(item);
    }
}
