package dev.migrate.postgres;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.Durations;
import dev.migrate.config.InvalidUrlException;
import dev.migrate.config.PercentEncoding;

/**
 * A PostgreSQL database, with what the URL leaves out filled in the way libpq does it: from
 * PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE, then the OS user name, then
 * libpq's defaults (the database defaults to the user name). A host that starts with {@code /}
 * is a folder holding the server's Unix socket. Optional settings are null when not given.
 */
public record PostgresUrl(String host, int port, String user, String password, String database,
                          SslMode sslMode, String sslRootCert, String applicationName, String options,
                          String searchPath, Duration connectTimeout) implements DatabaseUrl {

    static final int DEFAULT_PORT = 5432;
    /** The forms read, for the message listing every flavor's. */
    static final String FORMS = "postgresql://user:password@host:port/database, postgres://..., "
            + "postgresql+asyncpg://... (any +driver), jdbc:postgresql://...";
    /** SQLAlchemy's {@code postgresql+driver://}, libpq's {@code postgres://} and JDBC's {@code jdbc:postgresql://}. */
    private static final Pattern SCHEME = Pattern.compile("(?:jdbc:postgresql|postgres(?:ql)?(?:\\+[a-z0-9_]+)?)://");
    private static final List<String> PARAMETERS = List.of("sslmode", "sslrootcert", "application_name", "options",
            "search_path", "connect_timeout", "host", "port", "user", "password", "dbname", "fallback_application_name");

    @Override
    public String dialect() {
        return "postgresql";
    }

    /** True when {@link #host()} is the folder of a Unix socket rather than a host name. */
    public boolean isSocket() {
        return host.startsWith("/");
    }

    @Override
    public String masked() {
        StringBuilder b = new StringBuilder("postgresql://").append(user);
        if (password != null) b.append(":***");
        b.append('@');
        if (!isSocket()) b.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':').append(port);
        b.append('/').append(database);
        if (isSocket()) b.append("?host=").append(host);
        return b.toString();
    }

    @Override
    public String describe() {
        return (isSocket() ? "socket " : "host ") + host + ", port " + port + ", database " + database;
    }

    /**
     * The server (host, port) and the database name, whatever the scheme, user, password or
     * parameters: a host name is case-insensitive.
     */
    @Override
    public String identity() {
        return dialect() + " " + host.toLowerCase(Locale.ROOT) + " " + port + " " + database;
    }

    @Override
    public String toString() {
        return masked();
    }

    /**
     * {@code text} (trimmed) parsed when its scheme is one of PostgreSQL's, else empty;
     * {@code env} supplies the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE,
     * PGSSLMODE, and USER).
     */
    static Optional<DatabaseUrl> read(String text, Map<String, String> env) {
        Matcher m = SCHEME.matcher(text.toLowerCase(Locale.ROOT));
        return m.lookingAt() ? Optional.of(parse(text, text.substring(m.end()), env)) : Optional.empty();
    }

    /** Parses {@code rest}, the part of {@code raw} after the scheme's {@code ://}. */
    private static PostgresUrl parse(String raw, String rest, Map<String, String> env) {
        String masked = DatabaseUrl.mask(raw);
        int at = userInfoEnd(rest);
        String afterUser = rest.substring(at + 1);
        int q = afterUser.indexOf('?');
        String location = q < 0 ? afterUser : afterUser.substring(0, q);
        Map<String, String> written = q < 0 ? Map.of() : parameters(afterUser.substring(q + 1), masked);
        Map<String, String> params = DriverParameters.asLibpq(written, masked);

        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = PercentEncoding.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), masked);
            if (colon >= 0) password = PercentEncoding.decode(userInfo.substring(colon + 1), masked);
        }
        int slash = location.indexOf('/');
        String hostPort = slash < 0 ? location : location.substring(0, slash);
        String database = slash < 0 ? null : PercentEncoding.decode(location.substring(slash + 1), masked);

        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) throw new InvalidUrlException("unclosed [ around an IPv6 host in database URL " + masked);
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (after.startsWith(":")) portText = after.substring(1);
            else if (!after.isEmpty()) throw new InvalidUrlException("unexpected text after the IPv6 host in database URL " + masked);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = PercentEncoding.decode(colon < 0 ? hostPort : hostPort.substring(0, colon), masked);
            if (colon >= 0) portText = hostPort.substring(colon + 1);
        }
        if (host.indexOf(',') >= 0) {
            throw new InvalidUrlException("several hosts in one database URL are not supported: " + masked);
        }

        host = first(params.get("host"), host, env.get("PGHOST"), "localhost");
        portText = first(params.get("port"), portText, null, null);
        int port = portText != null ? port(portText, "in database URL " + masked)
                : env.get("PGPORT") != null && !env.get("PGPORT").isEmpty() ? port(env.get("PGPORT"), "in PGPORT")
                : DEFAULT_PORT;
        user = first(params.get("user"), user, env.get("PGUSER"), first(env.get("USER"), "postgres", null, null));
        password = first(params.get("password"), password, env.get("PGPASSWORD"), null);
        database = first(params.get("dbname"), database, env.get("PGDATABASE"), user);

        String modeText = first(params.get("sslmode"), null, env.get("PGSSLMODE"), SslMode.PREFER.text());
        SslMode mode = SslMode.fromText(modeText);
        if (mode == null) {
            throw new InvalidUrlException("sslmode '" + DatabaseUrl.mask(modeText) + "' is not one of " + SslMode.accepted()
                    + (params.containsKey("sslmode") ? " (in database URL " + masked + ")" : " (from PGSSLMODE)"));
        }
        LibpqParameters.check(params, mode, masked);
        Duration timeout = null;
        if (params.containsKey("connect_timeout")) {
            try {
                timeout = Durations.parse(params.get("connect_timeout"));
            } catch (IllegalArgumentException e) {
                String name = written.containsKey("connect_timeout") ? "connect_timeout" : "connectTimeout";
                throw new InvalidUrlException(name + " in database URL " + masked + ": " + DatabaseUrl.mask(e.getMessage()));
            }
        }
        return new PostgresUrl(host, port, user, password, database, mode, params.get("sslrootcert"),
                first(params.get("application_name"), params.get("fallback_application_name"), null, null),
                params.get("options"), params.get("search_path"), timeout);
    }

    /**
     * Index of the {@code @} ending the user info, or -1. The last {@code @} before the query wins,
     * so that an unencoded {@code @} or {@code /} in a password still works; a {@code ?} in a
     * password is recognised by an {@code @} after it with no {@code name=value} in between, and
     * then the last such {@code @} wins too ({@code u:Pa?ss@word@host}: all of {@code Pa?ss@word}
     * is the password, none of it may end up in the host shown in messages); so does any {@code @}
     * left in the host and database part.
     */
    private static int userInfoEnd(String rest) {
        int q = rest.indexOf('?');
        int at = rest.lastIndexOf('@', q < 0 ? rest.length() : q);
        if (at >= 0 || q < 0) return at;
        for (int later = rest.indexOf('@', q); later >= 0; later = rest.indexOf('@', later + 1)) {
            String between = rest.substring(q, later);
            if (between.indexOf('=') >= 0 || between.indexOf('&') >= 0) break;
            at = later;
        }
        // A host or database name holds no unencoded @: one after the chosen @ (before the query)
        // means the password went on past it (u:a?b@c&d=e@host), so that one ends the user info.
        while (at >= 0) {
            String after = rest.substring(at + 1);
            int query = after.indexOf('?');
            int further = (query < 0 ? after : after.substring(0, query)).lastIndexOf('@');
            if (further < 0) break;
            at += 1 + further;
        }
        return at;
    }

    private static Map<String, String> parameters(String query, String masked) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            // pgJDBC's ssl needs no value: written alone, it asks for TLS as ssl=true does.
            if (pair.equals("ssl")) pair = "ssl=";
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new InvalidUrlException(quoted(PercentEncoding.decode(pair, masked)) + " has no value (write name=value) in database URL "
                        + masked);
            }
            String name = PercentEncoding.decode(pair.substring(0, eq), masked);
            if (!PARAMETERS.contains(name) && !LibpqParameters.isKnown(name) && !DriverParameters.isKnown(name)) {
                // Masked: in a mangled URL the "name" may have swallowed user:password@host.
                throw new InvalidUrlException("unknown " + quoted(name) + " in database URL " + masked
                        + "; accepted: " + String.join(", ", PARAMETERS) + ", libpq's " + LibpqParameters.names()
                        + ", other drivers' " + DriverParameters.names() + ", and the other drivers' tuning parameters"
                        + " the README lists");
            }
            if (out.put(name, PercentEncoding.decode(pair.substring(eq + 1), masked)) != null) {
                throw new InvalidUrlException("parameter '" + name + "' is given twice in database URL " + masked);
            }
        }
        return out;
    }

    /**
     * {@code parameter 'name'}, or only {@code a parameter} when the "name" holds what a URL's
     * other parts hold: in a mangled URL it may have swallowed a piece of the password.
     */
    private static String quoted(String name) {
        return name.matches("[A-Za-z0-9_.-]*") ? "parameter '" + name + "'" : "a parameter";
    }

    private static int port(String text, String where) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) return p;
        } catch (NumberFormatException e) {
            // reported below, without echoing text: a mistyped URL may have put the password here
        }
        throw new InvalidUrlException("the port must be a number from 1 to 65535 " + where);
    }

    /** The first of the values that is present and not empty, else {@code last}. */
    private static String first(String a, String b, String c, String last) {
        if (a != null && !a.isEmpty()) return a;
        if (b != null && !b.isEmpty()) return b;
        if (c != null && !c.isEmpty()) return c;
        return last;
    }
}
