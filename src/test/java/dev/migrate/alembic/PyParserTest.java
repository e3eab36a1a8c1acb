package dev.migrate.alembic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Python tokenizer and parser on the forms migration files use, and the file:line of what they cannot read. */
class PyParserTest {
    private static Object value(String python) {
        List<PyStmt> module = PyParser.parse("x = " + python + "\n", "rev.py");
        PyStmt.Assign a = assertInstanceOf(PyStmt.Assign.class, module.get(0));
        return new PyValues(new HashMap<>()).literal(a.value());
    }

    @Test
    void everyStringForm() {
        assertEquals("it's", value("\"it's\""));
        assertEquals("say \"hi\"", value("'say \"hi\"'"));
        assertEquals("a\nb\tc\\d'e\u00e9A", value("'a\\nb\\tc\\\\d\\'e\\u00e9\\x41'"));
        assertEquals("C:\\new\\table", value("r'C:\\new\\table'"));
        assertEquals("raw \\' quote", value("R'raw \\' quote'"));
        assertEquals("bytes", value("b'bytes'"));
        assertEquals("unicode", value("u'unicode'"));
        assertEquals("line one\nline 'two'\n", value("\"\"\"line one\nline 'two'\n\"\"\""));
        assertEquals("single triple", value("'''single triple'''"));
        assertEquals("joined across lines", value("('joined' \" across\"\n     ' lines')"));
        assertEquals("one two", value("'one' ' two'"));
        assertEquals("no break", value("'no \\\nbreak'"));
    }

    @Test
    void numbersConstantsAndContainers() {
        assertEquals(42L, value("42"));
        assertEquals(-7L, value("-7"));
        assertEquals(1000000L, value("1_000_000"));
        assertEquals(2.5, value("2.5"));
        assertEquals(1e3, value("1e3"));
        assertEquals(null, value("None"));
        assertEquals(true, value("True"));
        assertEquals(List.of("a", 1L, List.of(false)), value("['a', 1, (False,)]"));
        assertEquals(Map.of("k", List.of(1L, 2L)), value("{'k': (1, 2),}"));
        assertEquals("ab", value("'a' + 'b'"));
    }

    @Test
    void nestedCallsKeywordsContinuationsAndComments() {
        String src = String.join("\n", "# a comment", "def upgrade():  # trailing", "    op.create_table('t',",
                "        sa.Column('id', sa.Integer(), primary_key=True),  # inside brackets",
                "        comment='c')", "    op.execute('SELECT 1' \\", "               ' + 2')", "");
        List<PyStmt> module = PyParser.parse(src, "rev.py");
        PyStmt.Def def = assertInstanceOf(PyStmt.Def.class, module.get(0));
        assertEquals(2, def.line());
        PyStmt.Expr create = assertInstanceOf(PyStmt.Expr.class, def.body().get(0));
        assertEquals(3, create.line());
        assertEquals(5, create.endLine());
        PyExpr.Call call = assertInstanceOf(PyExpr.Call.class, create.value());
        assertEquals("op.create_table", PyExpr.dotted(call.function()));
        PyExpr.Call column = assertInstanceOf(PyExpr.Call.class, call.args().get(1));
        assertEquals("sa.Column", PyExpr.dotted(column.function()));
        assertInstanceOf(PyExpr.Call.class, column.args().get(1));
        assertTrue(column.kwargs().containsKey("primary_key"));
        assertTrue(call.kwargs().containsKey("comment"));
        PyStmt.Expr execute = assertInstanceOf(PyStmt.Expr.class, def.body().get(1));
        assertEquals(6, execute.line());
        assertEquals(7, execute.endLine());
        assertEquals("SELECT 1 + 2", ((PyExpr.Str) ((PyExpr.Call) execute.value()).args().get(0)).value());
    }

    @Test
    void withForIfAndWhatIsNotModelled() {
        String src = String.join("\n", "def upgrade():", "    with op.batch_alter_table('t') as batch_op:",
                "        batch_op.drop_column('x')", "    for c in ['a', 'b']:", "        op.drop_column('t', c)",
                "    if op.get_bind().dialect.name == 'postgresql':", "        pass", "    elif x:", "        pass", "    else:",
                "        pass", "    try:", "        pass", "    except Exception:", "        pass", "    x += 1", "");
        PyStmt.Def def = (PyStmt.Def) PyParser.parse(src, "rev.py").get(0);
        PyStmt.With with = assertInstanceOf(PyStmt.With.class, def.body().get(0));
        assertEquals("batch_op", with.as());
        PyStmt.For loop = assertInstanceOf(PyStmt.For.class, def.body().get(1));
        assertEquals("c", loop.variable());
        PyStmt.If branch = assertInstanceOf(PyStmt.If.class, def.body().get(2));
        assertInstanceOf(PyStmt.If.class, branch.orElse().get(0));
        PyStmt.Other tryBlock = assertInstanceOf(PyStmt.Other.class, def.body().get(3));
        assertEquals(12, tryBlock.line());
        PyStmt.Other augmented = assertInstanceOf(PyStmt.Other.class, def.body().get(def.body().size() - 1));
        assertEquals(16, augmented.line());
        assertTrue(augmented.what().contains("augmented assignment"), augmented.what());
    }

    @Test
    void anFStringIsMarkedComputed() {
        Unconvertible e = assertThrows(Unconvertible.class, () -> value("f'{x}'"));
        assertTrue(e.getMessage().contains("f-string"), e.getMessage());
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() {
        PySyntaxError open = assertThrows(PySyntaxError.class, () -> PyParser.parse("x = 1\ny = 'never closed\n", "versions/a1.py"));
        assertEquals("versions/a1.py:2: unterminated string", open.getMessage());
        PySyntaxError triple = assertThrows(PySyntaxError.class, () -> PyParser.parse("\n\nx = \"\"\"open\n\n", "a1.py"));
        assertEquals("a1.py:3: unterminated string", triple.getMessage());
        PySyntaxError indent = assertThrows(PySyntaxError.class,
                () -> PyParser.parse("def f():\n        a = 1\n    b = 2\n", "a1.py"));
        assertEquals("a1.py:3: inconsistent indentation", indent.getMessage());
        PySyntaxError character = assertThrows(PySyntaxError.class, () -> PyParser.parse("x = 1\nx = $\n", "a1.py"));
        assertTrue(character.getMessage().startsWith("a1.py:2: unexpected character '$'"), character.getMessage());
    }
}
