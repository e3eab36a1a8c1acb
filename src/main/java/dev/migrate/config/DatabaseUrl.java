package dev.migrate.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database is, parsed from the URLs users already have in {@code DATABASE_URL}:
 * SQLAlchemy's {@code postgresql+driver://} and {@code sqlite:///} forms, libpq's
 * {@code postgres://} and JDBC's {@code jdbc:postgresql://}. Neither {@link #masked()},
 * {@link #describe()}, {@code toString()} nor any parse error ever shows a password.
 */
public sealed interface DatabaseUrl permits PostgresUrl, SqliteUrl {

    /** {@code postgresql} or {@code sqlite}: the name of the dialect that runs against this database. */
    String dialect();

    /** The URL to print, with the password replaced by {@code ***}. */
    String masked();

    /** Where the database is, in words for a connection error: {@code host 127.0.0.1, port 5432, database test}. */
    String describe();

    String ACCEPTED_FORMS = "postgresql://user:password@host:port/database, postgres://..., "
            + "postgresql+asyncpg://... (any +driver), jdbc:postgresql://..., "
            + "sqlite:///relative.db, sqlite:////absolute.db, sqlite:///:memory:";

    /**
     * Parses {@code text}; {@code environment} supplies the libpq variables (PGHOST, PGPORT, PGUSER,
     * PGPASSWORD, PGDATABASE, PGSSLMODE, and USER) and {@code workDir} anchors relative SQLite paths.
     */
    static DatabaseUrl parse(String text, Map<String, String> environment, Path workDir) {
        if (text == null || text.isBlank()) {
            throw new InvalidUrlException("the database URL is empty; accepted forms: " + ACCEPTED_FORMS);
        }
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        Matcher pg = Schemes.POSTGRES.matcher(lower);
        if (pg.lookingAt()) return PostgresUrl.parse(t, t.substring(pg.end()), environment);
        Matcher lite = Schemes.SQLITE.matcher(lower);
        if (lite.lookingAt()) return SqliteUrl.parse(t, t.substring(lite.end()), workDir);
        if (lower.startsWith("jdbc:sqlite:")) return SqliteUrl.parseJdbc(t, t.substring("jdbc:sqlite:".length()), workDir);
        throw new InvalidUrlException("unsupported database URL '" + mask(t) + "'; accepted forms: " + ACCEPTED_FORMS);
    }

    /**
     * {@code raw} with anything that may be a password replaced by {@code ***}, for URLs too broken
     * to parse. It errs on the side of hiding: everything from the first {@code :} to the last
     * {@code @} (with or without a {@code scheme://} in front; a password may hold {@code ?},
     * {@code /}, {@code @} or {@code :} unencoded, and a query's {@code @} only costs a message
     * some detail), a {@code password=} parameter, and a non-numeric "port" with what follows (a
     * password typed without {@code @host}).
     */
    static String mask(String raw) {
        if (raw == null) return null;
        String s = Schemes.PASSWORD_PARAM.matcher(raw).replaceAll("$1***");
        int schemeEnd = s.indexOf("://");
        // Without "://" (jdbc:sqlite:..., a mistyped scheme) the whole text may hold user:password@.
        String head = schemeEnd < 0 ? "" : s.substring(0, schemeEnd + 3);
        String rest = schemeEnd < 0 ? s : s.substring(schemeEnd + 3);
        if (schemeEnd < 0 && rest.indexOf('@') < 0) return s;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            int colon = rest.indexOf(':');
            return hideStray(colon >= 0 && colon < at ? head + rest.substring(0, colon) + ":***" + rest.substring(at) : s);
        }
        Matcher m = Schemes.SUSPICIOUS_PORT.matcher(rest);
        return hideStray(m.lookingAt() ? head + m.group(1) + ":***" + rest.substring(m.end()) : s);
    }

    /** Whatever still reads as {@code :secret@} (text mangled around the scheme) is hidden too. */
    private static String hideStray(String s) {
        return Schemes.STRAY_PASSWORD.matcher(s).replaceAll(":***@");
    }

    /** The patterns shared by parsing and masking. */
    final class Schemes {
        static final Pattern POSTGRES = Pattern.compile("(?:jdbc:postgresql|postgres(?:ql)?(?:\\+[a-z0-9_]+)?)://");
        static final Pattern SQLITE = Pattern.compile("sqlite(?:\\+[a-z0-9_]+)?://");
        static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");
        static final Pattern STRAY_PASSWORD = Pattern.compile(":[^:@/?&\\s]+@");
        static final Pattern SUSPICIOUS_PORT = Pattern.compile("([^/?\\[\\]:]*):(?![0-9]*(?:[/?]|$))[^/]*");

        private Schemes() {
        }
    }
}
