package dev.migrate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.MigrateException;

/**
 * Refuses a fallback to SQLite when the environment points at PostgreSQL: with PGHOST or
 * POSTGRES_PASSWORD set (a container started for a PostgreSQL server) but no DATABASE_URL, the
 * built-in {@code sqlite:///app.db}, or the file's {@code ${DATABASE_URL:-sqlite:///app.db}}, would
 * migrate a local file and exit 0 while the application starts against an unmigrated server.
 * SQLite named explicitly ({@code --url}, {@code DATABASE_URL}, a plain {@code url:}) is used as asked.
 */
final class SqliteFallback {
    /** The variables that say which PostgreSQL server to reach (libpq's and the postgres image's). */
    static final List<String> POSTGRES_VARIABLES = List.of("PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER",
            "PGPASSWORD", "PGSERVICE", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");
    /** A url: that is only a variable with a SQLite default: {@code ${DATABASE_URL:-sqlite:///app.db}}. */
    private static final Pattern SQLITE_DEFAULT = Pattern.compile("\\s*\\$\\{([A-Za-z_][A-Za-z0-9_]*):-(sqlite[^}]*)}\\s*");

    private SqliteFallback() {
    }

    /** Whether {@code written}, the url: as the file has it, falls back to its SQLite default in {@code env}. */
    static boolean fallsBack(String written, Map<String, String> env) {
        if (written == null) return false;
        Matcher m = SQLITE_DEFAULT.matcher(written);
        if (!m.matches()) return false;
        String value = env.get(m.group(1));
        return value == null || value.isEmpty();
    }

    /** {@code url} itself, or, with PostgreSQL variables set, the refusal kept for when the URL is needed. */
    static ConfiguredUrl guard(ConfiguredUrl url, String why, Map<String, String> env) {
        List<String> set = new ArrayList<>();
        for (String name : POSTGRES_VARIABLES) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) set.add(name);
        }
        if (set.isEmpty()) return url;
        String sqlite = DatabaseUrl.mask(url.text());
        return new ConfiguredUrl(null, url.source(), new MigrateException(String.join(", ", set) + (set.size() == 1 ? " is" : " are")
                + " set, so PostgreSQL looks intended, but no database URL is given and " + why + " falls back to SQLite ("
                + sqlite + "): refusing to migrate a local file instead of the server. Set DATABASE_URL (for example"
                + " postgresql://${PGUSER}:${PGPASSWORD}@${PGHOST}/${PGDATABASE}, see the README's \"Configuration\"), or"
                + " url: in migrate.yaml; to use SQLite on purpose, name it: --url " + sqlite + " or DATABASE_URL=" + sqlite));
    }
}
