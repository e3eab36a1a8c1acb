package dev.migrate.config;

import java.util.Map;

import dev.migrate.yaml.Node;

/**
 * The {@code url} setting made into a URL text. Two ways keep a password as the environment has it,
 * whatever characters it holds ({@code @ ? / : %}, as a container's {@code POSTGRES_PASSWORD} may):
 * a {@code ${VAR}} written in a URL's user info ({@code postgresql://${PGUSER}:${PGPASSWORD}@db/app})
 * is inserted percent-encoded, so that decoding the URL gives the value back ({@code %41} stays
 * {@code %41}, not {@code A}); and {@code url} may be a map of parts
 * ({@code {host, port, user, password, database}} and any URL parameter such as {@code sslmode}),
 * each part encoded when the URL is built. Elsewhere a variable is inserted as written, so that
 * {@code url: ${DATABASE_URL}} and an encoded {@code ?options=} keep working.
 */
final class UrlExpansion {
    /** The parts of a map-form URL; any other key is a URL parameter. */
    private static final java.util.List<String> PARTS = java.util.List.of("host", "port", "user", "password", "database");

    private final EnvExpander expander;

    UrlExpansion(EnvExpander expander) {
        this.expander = expander;
    }

    /** The URL of a scalar, or built from a map; null for YAML null and an unquoted value that expands to nothing. */
    String text(Node node, String setting) {
        if (node == null || node.isNull()) return null;
        if (node.isMap()) return fromParts(node, setting);
        if (!node.isScalar()) throw node.error(setting + " must be a URL, or a map of its parts {host, port, user, password, database}");
        String value = expandScalar(node.text(), node.origin(), node.line());
        if (!node.isQuoted() && (value.isEmpty() || value.equals("null") || value.equals("~"))) return null;
        return value;
    }

    /** {@code text} expanded, the values of variables in its user info percent-encoded. */
    String expandScalar(String text, String origin, int line) {
        int scheme = schemeEnd(text);
        if (scheme < 0 || text.indexOf('$') < 0) return expander.expand(text, origin, line);
        int start = scheme + 3;
        int end = userInfoEnd(text, start);
        if (end < 0) return expander.expand(text, origin, line);
        return expander.expand(text.substring(0, start), origin, line)
                + expander.expand(text.substring(start, end), origin, line, PercentEncoding::encode)
                + expander.expand(text.substring(end), origin, line);
    }

    /**
     * Where the written text's own {@code ://} is, or -1: one inside a {@code ${VAR:-default}} is
     * the default's, and the whole variable is then a URL inserted as written.
     */
    private static int schemeEnd(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0 && text.startsWith("://", i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the user info of the written text ends: its last {@code @} outside a {@code ${...}}
     * before the host (an {@code @} in the query does not count), or -1 for none.
     */
    private static int userInfoEnd(String text, int from) {
        int found = -1;
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0 && c == '@') {
                found = i;
            } else if (depth == 0 && (c == '?' || c == '/') && found >= 0) {
                break;
            }
        }
        return found;
    }

    private String fromParts(Node node, String setting) {
        Map<String, Node> entries = node.entries();
        StringBuilder url = new StringBuilder("postgresql://");
        String user = part(entries.get("user"));
        String password = part(entries.get("password"));
        if (user != null || password != null) {
            url.append(user == null ? "" : PercentEncoding.encode(user));
            if (password != null) url.append(':').append(PercentEncoding.encode(password));
            url.append('@');
        }
        String host = part(entries.get("host"));
        if (host != null) url.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host.startsWith("/") ? "" : PercentEncoding.encode(host));
        String port = part(entries.get("port"));
        if (port != null) url.append(':').append(PercentEncoding.encode(port));
        url.append('/');
        String database = part(entries.get("database"));
        if (database != null) url.append(PercentEncoding.encode(database));
        char separator = '?';
        if (host != null && host.startsWith("/")) {
            url.append("?host=").append(PercentEncoding.encode(host));
            separator = '&';
        }
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            if (PARTS.contains(e.getKey())) continue;
            String value = part(e.getValue());
            if (value == null) continue;
            url.append(separator).append(PercentEncoding.encode(e.getKey())).append('=').append(PercentEncoding.encode(value));
            separator = '&';
        }
        if (entries.isEmpty()) throw node.error(setting + ": the map names no part; give host, port, user, password, database");
        return url.toString();
    }

    /** A part's expanded value; null when absent, YAML null or expanding to nothing. */
    private String part(Node node) {
        if (node == null || node.isNull()) return null;
        if (!node.isScalar()) throw node.error("a part of the URL must be a single value");
        String value = expander.expand(node.text(), node.origin(), node.line());
        return value.isEmpty() ? null : value;
    }
}
