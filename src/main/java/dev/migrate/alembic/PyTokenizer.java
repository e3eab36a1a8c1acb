package dev.migrate.alembic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.migrate.alembic.PyToken.Type;

/**
 * Python's tokenizer for the part of the language migration files use: names, numbers, strings of
 * every form (single, double, triple-quoted, with r/b/u/f prefixes), operators, comments, and the
 * layout tokens (NEWLINE, INDENT, DEDENT) that brackets and backslashes suspend.
 */
final class PyTokenizer {
    private static final String[] OPERATORS = {"**=", "//=", ">>=", "<<=", "...", "->", "==", "!=", "<=", ">=", "**", "//",
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "<<", ">>", "(", ")", "[", "]", "{", "}", ",", ":", ".",
            ";", "@", "=", "+", "-", "*", "/", "%", "<", ">", "&", "|", "^", "~"};

    private final String src;
    private final String file;
    private final List<PyToken> out = new ArrayList<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int pos;
    private int line = 1;
    private int depth;

    private PyTokenizer(String src, String file) {
        this.src = src.replace("\r\n", "\n");
        this.file = file;
        indents.push(0);
    }

    static List<PyToken> tokenize(String src, String file) {
        PyTokenizer t = new PyTokenizer(src, file);
        t.run();
        return t.out;
    }

    private void run() {
        boolean lineStart = true;
        while (pos < src.length()) {
            if (lineStart && depth == 0) {
                if (!indentation()) continue;
                lineStart = false;
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                if (depth == 0) {
                    add(Type.NEWLINE, "\n", false);
                    lineStart = true;
                }
                line++;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
                String word = src.substring(start, pos);
                if (pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '"') && isPrefix(word)) {
                    string(word.toLowerCase());
                } else {
                    add(Type.NAME, word, false);
                }
            } else if (c == '\'' || c == '"') {
                string("");
            } else {
                operator();
            }
        }
        if (!out.isEmpty() && out.get(out.size() - 1).type() != Type.NEWLINE) add(Type.NEWLINE, "\n", false);
        while (indents.peek() > 0) {
            indents.pop();
            add(Type.DEDENT, "", false);
        }
        add(Type.END, "", false);
    }

    /** Reads a line's indentation; false when the line is blank or a comment (it makes no tokens). */
    private boolean indentation() {
        int width = 0;
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
            width = src.charAt(pos) == '\t' ? (width / 8 + 1) * 8 : width + 1;
            pos++;
        }
        if (pos >= src.length()) return false;
        char c = src.charAt(pos);
        if (c == '\n' || c == '#') {
            while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            if (pos < src.length()) {
                pos++;
                line++;
            }
            return false;
        }
        if (width > indents.peek()) {
            indents.push(width);
            add(Type.INDENT, "", false);
        } else {
            while (width < indents.peek()) {
                indents.pop();
                add(Type.DEDENT, "", false);
            }
            if (width != indents.peek()) throw new PySyntaxError(file, line, "inconsistent indentation");
        }
        return true;
    }

    private static boolean isPrefix(String w) {
        String p = w.toLowerCase();
        return p.equals("r") || p.equals("u") || p.equals("b") || p.equals("f") || p.equals("rb") || p.equals("br")
                || p.equals("fr") || p.equals("rf");
    }

    private void number() {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && pos > start
                    && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E') && !src.startsWith("0x", start);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign)) break;
            pos++;
        }
        add(Type.NUMBER, src.substring(start, pos).replace("_", ""), false);
    }

    private void string(String prefix) {
        int startLine = line;
        char q = src.charAt(pos);
        boolean triple = src.startsWith("" + q + q + q, pos);
        pos += triple ? 3 : 1;
        boolean raw = prefix.contains("r");
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) throw new PySyntaxError(file, startLine, "unterminated string");
            char c = src.charAt(pos);
            if (triple ? src.startsWith("" + q + q + q, pos) : c == q) {
                pos += triple ? 3 : 1;
                break;
            }
            if (c == '\n') {
                if (!triple) throw new PySyntaxError(file, startLine, "unterminated string");
                line++;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                if (n == '\n') line++;
                if (raw) {
                    value.append(c).append(n);
                    pos += 2;
                    continue;
                }
                pos += 2;
                escape(n, value);
                continue;
            }
            value.append(c);
            pos++;
        }
        out.add(new PyToken(Type.STRING, value.toString(), startLine, prefix.contains("f")));
    }

    private void escape(char n, StringBuilder value) {
        switch (n) {
            case '\n': break;
            case 'n': value.append('\n'); break;
            case 't': value.append('\t'); break;
            case 'r': value.append('\r'); break;
            case '0': value.append('\0'); break;
            case '\\': value.append('\\'); break;
            case '\'': value.append('\''); break;
            case '"': value.append('"'); break;
            case 'x': {
                value.append((char) Integer.parseInt(src.substring(pos, pos + 2), 16));
                pos += 2;
                break;
            }
            case 'u': {
                value.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                pos += 4;
                break;
            }
            default: value.append('\\').append(n);
        }
    }

    private void operator() {
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                if (op.equals("(") || op.equals("[") || op.equals("{")) depth++;
                if ((op.equals(")") || op.equals("]") || op.equals("}")) && depth > 0) depth--;
                add(Type.OP, op, false);
                return;
            }
        }
        throw new PySyntaxError(file, line, "unexpected character '" + src.charAt(pos) + "'");
    }

    private void add(Type type, String text, boolean fstring) {
        out.add(new PyToken(type, text, line, fstring));
    }
}
