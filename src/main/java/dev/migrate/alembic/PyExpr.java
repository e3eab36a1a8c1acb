package dev.migrate.alembic;

import java.util.List;
import java.util.Map;

/** The expressions of the Python subset the importer reads; {@link Other} stands for the rest, with its source text. */
sealed interface PyExpr {
    int line();

    /** A string literal, implicit concatenations joined; {@code fstring} when any part is an f-string. */
    record Str(String value, boolean fstring, int line) implements PyExpr {
    }

    record Num(String text, int line) implements PyExpr {
    }

    /** None, True or False. */
    record Const(String name, int line) implements PyExpr {
    }

    record Name(String id, int line) implements PyExpr {
    }

    record Attr(PyExpr target, String name, int line) implements PyExpr {
    }

    record Call(PyExpr function, List<PyExpr> args, Map<String, PyExpr> kwargs, int line) implements PyExpr {
    }

    record ListOf(List<PyExpr> items, boolean tuple, int line) implements PyExpr {
    }

    record DictOf(List<PyExpr> keys, List<PyExpr> values, int line) implements PyExpr {
    }

    /** {@code left OP right} for a comparison, boolean or arithmetic operator; {@code not x} has a null left. */
    record Binary(PyExpr left, String op, PyExpr right, int line) implements PyExpr {
    }

    /** Subscripts, lambdas, starred arguments and the like: kept only to be quoted. */
    record Other(String what, int line) implements PyExpr {
    }

    /** The dotted name of a chain of attributes ({@code sa.types.String}), or null when it is not one. */
    static String dotted(PyExpr e) {
        if (e instanceof Name n) return n.id();
        if (e instanceof Attr a) {
            String left = dotted(a.target());
            return left == null ? null : left + "." + a.name();
        }
        return null;
    }
}
