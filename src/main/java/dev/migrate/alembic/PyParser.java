package dev.migrate.alembic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.alembic.PyToken.Type;

/**
 * A recursive-descent parser for the statements and expressions migration files use. A statement
 * it does not model, or cannot parse, becomes {@link PyStmt.Other} with its lines, so the importer
 * can quote it instead of dropping it.
 */
final class PyParser {
    private static final Set<String> COMPOUND = Set.of("class", "try", "while", "async", "except", "finally", "match");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");

    private final List<PyToken> tokens;
    private final String file;
    private int pos;

    private PyParser(List<PyToken> tokens, String file) {
        this.tokens = tokens;
        this.file = file;
    }

    /** The statements of a module. */
    static List<PyStmt> parse(String source, String file) {
        PyParser p = new PyParser(PyTokenizer.tokenize(source, file), file);
        List<PyStmt> out = new ArrayList<>();
        while (p.peek().type() != Type.END) {
            if (p.peek().type() == Type.NEWLINE) {
                p.pos++;
                continue;
            }
            out.add(p.statement());
        }
        return out;
    }

    private PyToken peek() {
        return tokens.get(pos);
    }

    private PyToken next() {
        return tokens.get(pos++);
    }

    private int lastLine() {
        return tokens.get(Math.max(0, pos - 1)).line();
    }

    private boolean atName(String word) {
        return peek().is(Type.NAME, word);
    }

    private PyToken expectOp(String op) {
        if (!peek().isOp(op)) throw error("expected '" + op + "'");
        return next();
    }

    private PySyntaxError error(String message) {
        PyToken t = peek();
        return new PySyntaxError(file, t.line(), message + (t.type() == Type.END ? " at the end of the file" : " near '" + t.text() + "'"));
    }

    private PyStmt statement() {
        int start = pos;
        PyToken first = peek();
        try {
            if (first.isOp("@")) return skipped("a decorator", first.line());
            if (first.type() == Type.NAME) {
                switch (first.text()) {
                    case "import":
                    case "from":
                        skipLine();
                        return new PyStmt.Import(first.line(), lastLine());
                    case "def":
                        return def();
                    case "with":
                        return with();
                    case "for":
                        return forLoop();
                    case "if":
                        return ifStatement();
                    case "pass":
                        next();
                        endOfStatement();
                        return new PyStmt.Pass(first.line(), first.line());
                    default:
                        if (COMPOUND.contains(first.text())) return skipped("'" + first.text() + "'", first.line());
                        if (Set.of("return", "raise", "del", "global", "nonlocal", "assert", "yield", "break", "continue")
                                .contains(first.text())) {
                            skipLine();
                            return new PyStmt.Other("'" + first.text() + "'", first.line(), lastLine());
                        }
                }
            }
            return simple();
        } catch (PySyntaxError e) {
            pos = start;
            return skipped("Python the importer cannot read (" + e.getMessage().substring(file.length() + 1) + ")", first.line());
        }
    }

    /** Skips the rest of the logical line and, when it opens one, the indented block after it. */
    private PyStmt skipped(String what, int line) {
        skipLine();
        int end = lastLine();
        if (peek().type() == Type.INDENT) end = skipBlock();
        return new PyStmt.Other(what, line, end);
    }

    private void skipLine() {
        while (peek().type() != Type.NEWLINE && peek().type() != Type.END) pos++;
        if (peek().type() == Type.NEWLINE) pos++;
    }

    private int skipBlock() {
        int level = 0;
        int end = lastLine();
        do {
            PyToken t = next();
            if (t.type() == Type.INDENT) level++;
            if (t.type() == Type.DEDENT) level--;
            if (t.type() != Type.NEWLINE && t.type() != Type.DEDENT && t.type() != Type.INDENT) end = t.line();
        } while (level > 0 && peek().type() != Type.END);
        // a block's statements that continue after a dedent (an else:, an except:) belong to it
        return end;
    }

    private void endOfStatement() {
        if (peek().isOp(";")) throw error("several statements on one line");
        if (peek().type() == Type.NEWLINE) {
            pos++;
        } else if (peek().type() != Type.END && peek().type() != Type.DEDENT) {
            throw error("expected the end of the statement");
        }
    }

    private PyStmt simple() {
        int line = peek().line();
        PyExpr value = tuple();
        List<String> targets = new ArrayList<>();
        while (peek().isOp("=")) {
            next();
            targets.add(target(value));
            value = tuple();
        }
        if (peek().type() == Type.OP && peek().text().endsWith("=") && !peek().isOp("==")) {
            throw error("an augmented assignment");
        }
        if (peek().isOp(":")) throw error("an annotated assignment");
        int end = lastLine();
        endOfStatement();
        return targets.isEmpty() ? new PyStmt.Expr(value, line, end) : new PyStmt.Assign(targets, value, line, end);
    }

    private String target(PyExpr e) {
        if (e instanceof PyExpr.Name n) return n.id();
        throw new PySyntaxError(file, e.line(), "an assignment to something other than a name");
    }

    private List<PyStmt> block() {
        expectOp(":");
        List<PyStmt> body = new ArrayList<>();
        if (peek().type() != Type.NEWLINE) {
            body.add(simple());
            return body;
        }
        next();
        if (peek().type() != Type.INDENT) throw error("expected an indented block");
        next();
        while (peek().type() != Type.DEDENT && peek().type() != Type.END) body.add(statement());
        if (peek().type() == Type.DEDENT) next();
        return body;
    }

    private static int end(List<PyStmt> body, int line) {
        return body.isEmpty() ? line : body.get(body.size() - 1).endLine();
    }

    private PyStmt def() {
        int line = next().line();
        String name = next().text();
        expectOp("(");
        int level = 1;
        while (level > 0) {
            PyToken t = next();
            if (t.type() == Type.END) throw error("unterminated parameter list");
            if (t.isOp("(")) level++;
            if (t.isOp(")")) level--;
        }
        if (peek().isOp("->")) {
            next();
            expression();
        }
        List<PyStmt> body = block();
        return new PyStmt.Def(name, body, line, end(body, line));
    }

    private PyStmt with() {
        int line = next().line();
        PyExpr context = expression();
        String as = null;
        if (atName("as")) {
            next();
            as = next().text();
        }
        if (peek().isOp(",")) throw error("several context managers in one 'with'");
        List<PyStmt> body = block();
        return new PyStmt.With(context, as, body, line, end(body, line));
    }

    private PyStmt forLoop() {
        int line = next().line();
        PyToken variable = next();
        if (variable.type() != Type.NAME || !atName("in")) throw error("a 'for' over something other than one name");
        next();
        PyExpr iterable = tuple();
        List<PyStmt> body = block();
        if (atName("else")) throw error("a 'for ... else'");
        return new PyStmt.For(variable.text(), iterable, body, line, end(body, line));
    }

    private PyStmt ifStatement() {
        int line = next().line();
        PyExpr condition = expression();
        List<PyStmt> body = block();
        List<PyStmt> orElse = new ArrayList<>();
        if (atName("elif")) {
            orElse.add(ifStatement());
        } else if (atName("else")) {
            next();
            orElse.addAll(block());
        }
        return new PyStmt.If(condition, body, orElse, line, end(orElse.isEmpty() ? body : orElse, line));
    }

    /** An expression, or several separated by commas (a tuple without brackets). */
    private PyExpr tuple() {
        int line = peek().line();
        PyExpr first = expression();
        if (!peek().isOp(",")) return first;
        List<PyExpr> items = new ArrayList<>(List.of(first));
        while (peek().isOp(",")) {
            next();
            if (peek().type() == Type.NEWLINE || peek().isOp("=") || peek().isOp(")")) break;
            items.add(expression());
        }
        return new PyExpr.ListOf(items, true, line);
    }

    private PyExpr expression() {
        PyExpr e = binary(0);
        if (atName("if")) throw error("a conditional expression");
        return e;
    }

    private static final List<Set<String>> LEVELS = List.of(Set.of("or"), Set.of("and"), Set.of("not"), COMPARISONS,
            Set.of("|"), Set.of("&"), Set.of("+", "-"), Set.of("*", "/", "%", "//", "@"));

    private PyExpr binary(int level) {
        if (level == LEVELS.size()) return unary();
        if (level == 2) {
            if (atName("not")) {
                int line = next().line();
                return new PyExpr.Binary(null, "not", binary(2), line);
            }
            return binary(3);
        }
        PyExpr left = binary(level + 1);
        while (true) {
            String op = operatorAt(level);
            if (op == null) return left;
            left = new PyExpr.Binary(left, op, binary(level + 1), left.line());
        }
    }

    private String operatorAt(int level) {
        PyToken t = peek();
        if (level == 3 && t.type() == Type.NAME && (t.text().equals("in") || t.text().equals("is"))) {
            next();
            if (atName("not")) {
                next();
                return t.text() + " not";
            }
            return t.text();
        }
        if (level == 3 && atName("not") && tokens.get(pos + 1).is(Type.NAME, "in")) {
            pos += 2;
            return "not in";
        }
        boolean word = t.type() == Type.NAME && (t.text().equals("or") || t.text().equals("and"));
        if ((t.type() == Type.OP || word) && LEVELS.get(level).contains(t.text())) return next().text();
        return null;
    }

    private PyExpr unary() {
        if (peek().isOp("-") || peek().isOp("+") || peek().isOp("~")) {
            PyToken op = next();
            PyExpr operand = unary();
            if (operand instanceof PyExpr.Num n && !op.isOp("~")) return new PyExpr.Num(op.text() + n.text(), op.line());
            return new PyExpr.Binary(null, op.text(), operand, op.line());
        }
        PyExpr e = trailers(atom());
        if (peek().isOp("**")) {
            next();
            e = new PyExpr.Binary(e, "**", unary(), e.line());
        }
        return e;
    }

    private PyExpr trailers(PyExpr e) {
        while (true) {
            if (peek().isOp(".")) {
                next();
                PyToken name = next();
                if (name.type() != Type.NAME) throw error("expected a name after '.'");
                e = new PyExpr.Attr(e, name.text(), name.line());
            } else if (peek().isOp("(")) {
                e = call(e);
            } else if (peek().isOp("[")) {
                int line = peek().line();
                skipBrackets();
                e = new PyExpr.Other("a subscript", line);
            } else {
                return e;
            }
        }
    }

    private PyExpr call(PyExpr function) {
        int line = expectOp("(").line();
        List<PyExpr> args = new ArrayList<>();
        Map<String, PyExpr> kwargs = new LinkedHashMap<>();
        while (!peek().isOp(")")) {
            if (peek().isOp("*") || peek().isOp("**")) throw error("a starred argument");
            if (peek().type() == Type.NAME && tokens.get(pos + 1).isOp("=")) {
                String key = next().text();
                next();
                kwargs.put(key, expression());
            } else {
                if (!kwargs.isEmpty()) throw error("a positional argument after a keyword argument");
                args.add(expression());
                if (atName("for")) throw error("a generator expression");
            }
            if (!peek().isOp(",")) break;
            next();
        }
        expectOp(")");
        return new PyExpr.Call(function, args, kwargs, line);
    }

    private void skipBrackets() {
        int level = 0;
        do {
            PyToken t = next();
            if (t.type() == Type.END) throw error("unclosed bracket");
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) level++;
            if (t.isOp(")") || t.isOp("]") || t.isOp("}")) level--;
        } while (level > 0);
    }

    private PyExpr atom() {
        PyToken t = peek();
        switch (t.type()) {
            case STRING: {
                StringBuilder value = new StringBuilder();
                boolean fstring = false;
                while (peek().type() == Type.STRING) {
                    PyToken s = next();
                    value.append(s.text());
                    fstring |= s.fstring();
                }
                return new PyExpr.Str(value.toString(), fstring, t.line());
            }
            case NUMBER:
                next();
                return new PyExpr.Num(t.text(), t.line());
            case NAME:
                if (t.text().equals("lambda") || t.text().equals("await") || t.text().equals("yield")) {
                    throw error("'" + t.text() + "'");
                }
                next();
                if (t.text().equals("None") || t.text().equals("True") || t.text().equals("False")) {
                    return new PyExpr.Const(t.text(), t.line());
                }
                return new PyExpr.Name(t.text(), t.line());
            case OP:
                if (t.isOp("(")) return sequence(")", true);
                if (t.isOp("[")) return sequence("]", false);
                if (t.isOp("{")) return dict();
                throw error("unexpected '" + t.text() + "'");
            default:
                throw error("unexpected end of line");
        }
    }

    private PyExpr sequence(String close, boolean tuple) {
        int line = next().line();
        List<PyExpr> items = new ArrayList<>();
        boolean comma = false;
        while (!peek().isOp(close)) {
            items.add(expression());
            if (atName("for")) throw error("a comprehension");
            if (!peek().isOp(",")) break;
            comma = true;
            next();
        }
        expectOp(close);
        if (tuple && items.size() == 1 && !comma) return items.get(0);
        return new PyExpr.ListOf(items, tuple, line);
    }

    private PyExpr dict() {
        int line = next().line();
        List<PyExpr> keys = new ArrayList<>();
        List<PyExpr> values = new ArrayList<>();
        while (!peek().isOp("}")) {
            keys.add(expression());
            if (!peek().isOp(":")) throw error("a set literal");
            next();
            values.add(expression());
            if (atName("for")) throw error("a comprehension");
            if (!peek().isOp(",")) break;
            next();
        }
        expectOp("}");
        return new PyExpr.DictOf(keys, values, line);
    }
}
