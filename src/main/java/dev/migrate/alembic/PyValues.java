package dev.migrate.alembic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates Python literals (strings, numbers, None/True/False, lists, tuples, dicts) and the
 * names bound to them, the only values the importer computes; anything else is {@link Unconvertible}.
 */
final class PyValues {
    private final Map<String, PyExpr> names;

    PyValues(Map<String, PyExpr> names) {
        this.names = names;
    }

    /** A scope that sees these names and binds more of its own. */
    PyValues child() {
        return new PyValues(new HashMap<>(names));
    }

    void bind(String name, PyExpr value) {
        names.put(name, value);
    }

    /** The expression a local name stands for, or the expression itself. */
    PyExpr resolve(PyExpr e) {
        int guard = 0;
        while (e instanceof PyExpr.Name n && names.containsKey(n.id()) && guard++ < 100) e = names.get(n.id());
        return e;
    }

    Object literal(PyExpr expr) {
        PyExpr e = resolve(expr);
        if (e instanceof PyExpr.Str s) {
            if (s.fstring()) throw new Unconvertible("an f-string (computed at run time)");
            return s.value();
        }
        if (e instanceof PyExpr.Num n) return number(n.text());
        if (e instanceof PyExpr.Const c) return c.name().equals("None") ? null : Boolean.valueOf(c.name().equals("True"));
        if (e instanceof PyExpr.ListOf l) {
            List<Object> out = new ArrayList<>();
            for (PyExpr item : l.items()) out.add(literal(item));
            return out;
        }
        if (e instanceof PyExpr.DictOf d) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < d.keys().size(); i++) out.put(String.valueOf(literal(d.keys().get(i))), literal(d.values().get(i)));
            return out;
        }
        if (e instanceof PyExpr.Binary b && b.op().equals("+") && b.left() != null) {
            Object l = literal(b.left());
            Object r = literal(b.right());
            if (l instanceof String ls && r instanceof String rs) return ls + rs;
        }
        throw new Unconvertible("a value computed at run time (" + describe(e) + ")");
    }

    /**
     * Fails unless {@code e} is a literal or a SQLAlchemy construct the converter reads later
     * (a call such as {@code sa.table(...)}); a name bound to {@code op.get_bind()} is not one.
     */
    void literalOrDefinition(PyExpr e) {
        PyExpr r = resolve(e);
        if (r instanceof PyExpr.Call c) {
            String f = PyExpr.dotted(c.function());
            if (f != null && (f.startsWith("sa.") || f.startsWith("sqlalchemy.") || f.startsWith("postgresql.")
                    || f.equals("table") || f.equals("column"))) return;
            throw new Unconvertible("a name bound to " + describe(r) + ", computed at run time");
        }
        literal(r);
    }

    String text(PyExpr e) {
        Object v = literal(e);
        if (!(v instanceof String s)) throw new Unconvertible("expected a string, found " + describe(resolve(e)));
        return s;
    }

    /** A string, or a list or tuple of strings. */
    List<String> texts(PyExpr e) {
        Object v = literal(e);
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            out.add(s);
            return out;
        }
        if (!(v instanceof List<?> list)) throw new Unconvertible("expected a list of names, found " + describe(resolve(e)));
        for (Object item : list) {
            if (!(item instanceof String s)) throw new Unconvertible("expected a list of names");
            out.add(s);
        }
        return out;
    }

    boolean flag(PyExpr e) {
        Object v = literal(e);
        if (v instanceof Boolean b) return b;
        if (v == null) return false;
        throw new Unconvertible("expected True or False, found " + describe(resolve(e)));
    }

    private static Object number(String text) {
        try {
            if (text.matches("-?\\d+")) return Long.parseLong(text);
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Unconvertible("the number " + text);
        }
    }

    static String describe(PyExpr e) {
        String dotted = PyExpr.dotted(e);
        if (dotted != null) return dotted;
        if (e instanceof PyExpr.Call c) {
            String f = PyExpr.dotted(c.function());
            return (f == null ? "a call" : f) + "(...)";
        }
        if (e instanceof PyExpr.Other o) return o.what();
        if (e instanceof PyExpr.Binary b) return "an expression with '" + b.op() + "'";
        return e.getClass().getSimpleName().toLowerCase();
    }
}
