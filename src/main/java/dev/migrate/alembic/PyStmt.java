package dev.migrate.alembic;

import java.util.List;

/** The statements of the Python subset the importer reads, each with the lines it spans (for quoting it). */
sealed interface PyStmt {
    int line();

    int endLine();

    record Import(int line, int endLine) implements PyStmt {
    }

    record Assign(List<String> targets, PyExpr value, int line, int endLine) implements PyStmt {
    }

    record Expr(PyExpr value, int line, int endLine) implements PyStmt {
    }

    record Def(String name, List<PyStmt> body, int line, int endLine) implements PyStmt {
    }

    /** {@code with EXPR as NAME:}; {@code as} may be null. */
    record With(PyExpr context, String as, List<PyStmt> body, int line, int endLine) implements PyStmt {
    }

    record For(String variable, PyExpr iterable, List<PyStmt> body, int line, int endLine) implements PyStmt {
    }

    /** {@code if}; an {@code elif} is an If inside {@code orElse}. */
    record If(PyExpr condition, List<PyStmt> body, List<PyStmt> orElse, int line, int endLine) implements PyStmt {
    }

    record Pass(int line, int endLine) implements PyStmt {
    }

    /** Anything else (return, class, try, augmented assignment...): converted never, quoted always. */
    record Other(String what, int line, int endLine) implements PyStmt {
    }
}
