package dev.migrate.alembic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Alembic revision file as the document of a migrate YAML revision: the header from the
 * module's literals and docstring, upgrade() and downgrade() statement by statement. A statement
 * with no equivalent is quoted under {@code unconverted:} with its file and line, never dropped.
 */
final class RevisionConverter {
    /** The converted revision: its YAML document and what it left for a person. */
    record Result(String id, Map<String, Object> document, List<Map<String, Object>> unconverted, int converted) {
    }

    private final String file;
    private final String[] lines;
    private final List<Map<String, Object>> unconverted = new ArrayList<>();
    private boolean autocommit;
    private int converted;

    private RevisionConverter(String file, String source) {
        this.file = file;
        this.lines = source.replace("\r\n", "\n").split("\n", -1);
    }

    static Result convert(String file, String source) {
        return new RevisionConverter(file, source).run(source);
    }

    private Result run(String source) {
        List<PyStmt> module = PyParser.parse(source, file);
        PyValues globals = new PyValues(new HashMap<>());
        String docstring = null;
        PyStmt.Def upgrade = null;
        PyStmt.Def downgrade = null;
        for (PyStmt s : module) {
            if (docstring == null && s instanceof PyStmt.Expr e && e.value() instanceof PyExpr.Str str) docstring = str.value();
            if (s instanceof PyStmt.Assign a) for (String t : a.targets()) globals.bind(t, a.value());
            if (s instanceof PyStmt.Def d && d.name().equals("upgrade")) upgrade = d;
            if (s instanceof PyStmt.Def d && d.name().equals("downgrade")) downgrade = d;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        String id = headerText(globals, "revision");
        if (id == null) throw new PySyntaxError(file, 1, "no 'revision = \"...\"' assignment: not an Alembic revision");
        doc.put("revision", id);
        doc.put("down_revision", header(globals, "down_revision"));
        doc.put("branch_labels", header(globals, "branch_labels"));
        doc.put("depends_on", header(globals, "depends_on"));
        doc.put("message", message(docstring));
        String created = createDate(docstring);
        if (created != null) doc.put("create_date", created);
        List<Object> up = body(upgrade, "upgrade", globals);
        List<Object> down = body(downgrade, "downgrade", globals);
        if (autocommit) doc.put("transactional", false);
        doc.put("upgrade", up);
        doc.put("downgrade", down);
        if (!unconverted.isEmpty()) doc.put("unconverted", unconverted);
        return new Result(id, doc, unconverted, converted);
    }

    private String headerText(PyValues globals, String name) {
        Object v = header(globals, name);
        return v instanceof String s ? s : null;
    }

    private Object header(PyValues globals, String name) {
        try {
            Object v = globals.literal(new PyExpr.Name(name, 0));
            if (v instanceof List<?> || v == null || v instanceof String) return v;
            throw new PySyntaxError(file, 1, name + " is neither a string, a tuple nor None");
        } catch (Unconvertible e) {
            return null;
        }
    }

    private static String message(String docstring) {
        if (docstring == null) return "";
        return docstring.strip().split("\n", 2)[0].strip();
    }

    private static String createDate(String docstring) {
        if (docstring == null) return null;
        for (String l : docstring.split("\n")) {
            if (l.strip().startsWith("Create Date:")) return l.strip().substring("Create Date:".length()).strip();
        }
        return null;
    }

    private List<Object> body(PyStmt.Def def, String direction, PyValues globals) {
        List<Object> out = new ArrayList<>();
        if (def == null) return out;
        Context ctx = new Context(direction, globals.child(), null, null);
        for (PyStmt s : def.body()) statement(s, ctx, out);
        return out;
    }

    /** Where a statement stands: its direction, names, the table of an enclosing batch, the dialect of an enclosing if. */
    private record Context(String direction, PyValues values, String batchTable, String dialect) {
        Context with(String table, String dialectName) {
            return new Context(direction, values, table, dialectName);
        }
    }

    private void statement(PyStmt s, Context ctx, List<Object> out) {
        List<Object> made = new ArrayList<>();
        try {
            convert(s, ctx, made);
            out.addAll(made);
        } catch (Unconvertible e) {
            quote(s, ctx, e.getMessage());
        }
    }

    private void convert(PyStmt s, Context ctx, List<Object> out) {
        if (s instanceof PyStmt.Pass || s instanceof PyStmt.Import) return;
        if (s instanceof PyStmt.Expr e && e.value() instanceof PyExpr.Str) return; // a docstring or comment string
        if (s instanceof PyStmt.Assign a) {
            ctx.values().literalOrDefinition(a.value());
            for (String t : a.targets()) ctx.values().bind(t, a.value());
            return;
        }
        if (s instanceof PyStmt.Expr e && e.value() instanceof PyExpr.Call call) {
            operation(call, ctx, out);
            return;
        }
        if (s instanceof PyStmt.With w) {
            with(w, ctx, out);
            return;
        }
        if (s instanceof PyStmt.For f) {
            Object items = ctx.values().literal(f.iterable());
            if (!(items instanceof List<?>)) throw new Unconvertible("a for loop over something other than a literal list");
            PyExpr.ListOf list = (PyExpr.ListOf) ctx.values().resolve(f.iterable());
            for (PyExpr item : list.items()) {
                PyValues scope = ctx.values().child();
                scope.bind(f.variable(), item);
                Context inner = new Context(ctx.direction(), scope, ctx.batchTable(), ctx.dialect());
                for (PyStmt b : f.body()) convert(b, inner, out);
            }
            return;
        }
        if (s instanceof PyStmt.If i) {
            dialectIf(i, ctx, out);
            return;
        }
        if (s instanceof PyStmt.Other o) throw new Unconvertible(o.what());
        throw new Unconvertible("a statement with no migrate equivalent");
    }

    private void operation(PyExpr.Call call, Context ctx, List<Object> out) {
        OperationConverter converter = new OperationConverter(ctx.values());
        List<Map<String, Object>> enumType = converter.enumTypeCall(call);
        if (enumType != null) {
            add(enumType, ctx, out);
            return;
        }
        String f = PyExpr.dotted(call.function());
        if (f == null) throw new Unconvertible("a call of something computed at run time");
        int dot = f.lastIndexOf('.');
        String owner = dot < 0 ? "" : f.substring(0, dot);
        String method = f.substring(dot + 1);
        boolean batch = ctx.batchTable() != null && !owner.equals("op");
        if (!owner.equals("op") && !batch) throw new Unconvertible(f + "(...) is not an Alembic operation");
        add(converter.convert(method, call, batch ? ctx.batchTable() : null), ctx, out);
    }

    private void add(List<Map<String, Object>> operations, Context ctx, List<Object> out) {
        for (Map<String, Object> made : operations) {
            Map<String, Object> op = new LinkedHashMap<>(made);
            if (ctx.dialect() != null) restrict(op, ctx.dialect());
            if (op.isEmpty()) continue;
            out.add(op);
            converted++;
        }
    }

    @SuppressWarnings("unchecked")
    private static void restrict(Map<String, Object> op, String dialect) {
        Map.Entry<String, Object> e = op.entrySet().iterator().next();
        if (e.getValue() instanceof Map<?, ?> fields) {
            Object already = fields.get("dialect");
            if (already != null && !already.equals(dialect)) {
                op.clear();
                return;
            }
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) fields);
            copy.put("dialect", dialect);
            op.put(e.getKey(), copy);
        } else if (e.getKey().equals("execute")) {
            op.put("execute", Map.of(dialect, e.getValue()));
        }
    }

    private void with(PyStmt.With w, Context ctx, List<Object> out) {
        PyExpr.Call call = ctx.values().resolve(w.context()) instanceof PyExpr.Call c ? c : null;
        String f = call == null ? null : dottedCall(call.function());
        if (f != null && f.equals("op.batch_alter_table")) {
            String table = ctx.values().text(call.args().isEmpty() ? call.kwargs().get("table_name") : call.args().get(0));
            for (PyStmt b : w.body()) convert(b, ctx.with(table, ctx.dialect()), out);
            return;
        }
        if (f != null && (f.equals("op.get_context().autocommit_block") || f.equals("context.autocommit_block"))) {
            autocommit = true;
            for (PyStmt b : w.body()) convert(b, ctx, out);
            return;
        }
        throw new Unconvertible("a 'with' other than op.batch_alter_table or autocommit_block");
    }

    private void dialectIf(PyStmt.If i, Context ctx, List<Object> out) {
        if (!(i.condition() instanceof PyExpr.Binary b) || b.left() == null
                || !(b.op().equals("==") || b.op().equals("!="))) {
            throw new Unconvertible("an 'if' on something other than the dialect name");
        }
        String left = dottedCall(b.left());
        if (left == null || !left.endsWith("dialect.name")) throw new Unconvertible("an 'if' on something other than the dialect name");
        String name = ctx.values().text(b.right());
        if (!name.equals("postgresql") && !name.equals("sqlite")) throw new Unconvertible("an 'if' on the dialect " + name);
        String other = name.equals("postgresql") ? "sqlite" : "postgresql";
        String thenDialect = b.op().equals("==") ? name : other;
        String elseDialect = b.op().equals("==") ? other : name;
        for (PyStmt s : i.body()) convert(s, ctx.with(ctx.batchTable(), thenDialect), out);
        for (PyStmt s : i.orElse()) convert(s, ctx.with(ctx.batchTable(), elseDialect), out);
    }

    /** {@code op.get_bind().dialect.name} as "op.get_bind().dialect.name". */
    private static String dottedCall(PyExpr e) {
        if (e instanceof PyExpr.Name n) return n.id();
        if (e instanceof PyExpr.Attr a) {
            String left = dottedCall(a.target());
            return left == null ? null : left + "." + a.name();
        }
        if (e instanceof PyExpr.Call c && c.args().isEmpty()) {
            String left = dottedCall(c.function());
            return left == null ? null : left + "()";
        }
        return null;
    }

    private void quote(PyStmt s, Context ctx, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", ctx.direction());
        m.put("file", file);
        m.put("line", s.line());
        m.put("reason", reason);
        StringBuilder python = new StringBuilder();
        for (int l = s.line(); l <= Math.min(s.endLine(), lines.length); l++) python.append(lines[l - 1]).append('\n');
        m.put("python", python.toString().stripIndent());
        unconverted.add(m);
    }
}
