package dev.migrate.config;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import dev.migrate.yaml.SourceException;

/**
 * Expands environment variables in configuration strings, with the syntax Docker Compose users
 * already know: {@code ${VAR}} (an error when unset), {@code ${VAR:-default}} (the default when
 * unset or empty; the default may itself hold {@code ${...}}), and {@code $$} for a literal
 * dollar. A {@code $} followed by anything else is kept as written, so that a password or a
 * PostgreSQL {@code $1} does not need escaping. Errors never quote the text, which may be a URL
 * holding a password.
 */
public final class EnvExpander {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> environment;

    public EnvExpander(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code text} with every variable replaced; errors are reported at {@code origin}:{@code line}. */
    public String expand(String text, String origin, int line) {
        return expand(text, origin, line, UnaryOperator.identity());
    }

    /**
     * The same, each variable's value passed through {@code eachValue} before it is inserted
     * (a URL's user info percent-encodes it); the text around the variables stays as written.
     */
    public String expand(String text, String origin, int line, UnaryOperator<String> eachValue) {
        if (text == null || text.indexOf('$') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
            } else if (text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) throw new SourceException(origin, line, "unterminated ${: the closing } is missing");
                out.append(eachValue.apply(substitute(text.substring(i + 2, end), origin, line)));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String substitute(String inner, String origin, int line) {
        int sep = inner.indexOf(":-");
        String name = sep < 0 ? inner : inner.substring(0, sep);
        if (!NAME.matcher(name).matches()) {
            throw new SourceException(origin, line, "a ${...} that is not a variable reference;"
                    + " write ${NAME} or ${NAME:-default}, and $$ for a literal dollar");
        }
        String value = environment.get(name);
        if (sep < 0) {
            if (value == null) throw new UnsetVariableException(origin, line, name);
            return value;
        }
        if (value == null || value.isEmpty()) return expand(inner.substring(sep + 2), origin, line);
        return value;
    }

    /** Index of the brace closing a {@code ${} whose body starts at {@code from}, counting nested ones. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
