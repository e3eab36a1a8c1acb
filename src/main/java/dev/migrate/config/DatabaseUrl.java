package dev.migrate.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database is, parsed from the URLs users already have in {@code DATABASE_URL}: each
 * flavor reads its own forms ({@code postgres/PostgresUrl}, {@code sqlite/SqliteUrl}) and
 * {@code core/Flavors} is the one place that picks the flavor from a URL's text. Neither
 * {@link #masked()}, {@link #describe()}, {@code toString()} nor any parse error ever shows a password.
 */
public interface DatabaseUrl {

    /** {@code postgresql} or {@code sqlite}: the name of the dialect that runs against this database. */
    String dialect();

    /** The URL to print, with the password replaced by {@code ***}. */
    String masked();

    /** Where the database is, in words for a connection error: {@code host 127.0.0.1, port 5432, database test}. */
    String describe();

    /**
     * What makes two URLs the same database however they are written, so that a command run over
     * many databases reaches each once (README, "Many databases"); null for a database that is a
     * new one each time it is opened (in memory).
     */
    String identity();

    /**
     * The file the database is, when it is one: opening a file that does not exist creates it, which
     * the commands that only read refuse. Empty for a server's database and one in memory.
     */
    default Optional<Path> file() {
        return Optional.empty();
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
        String s = Masks.PASSWORD_PARAM.matcher(raw).replaceAll("$1***");
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
        Matcher m = Masks.SUSPICIOUS_PORT.matcher(rest);
        return hideStray(m.lookingAt() ? head + m.group(1) + ":***" + rest.substring(m.end()) : s);
    }

    /** Whatever still reads as {@code :secret@} (text mangled around the scheme) is hidden too. */
    private static String hideStray(String s) {
        return Masks.STRAY_PASSWORD.matcher(s).replaceAll(":***@");
    }

    /** What masking looks for. */
    final class Masks {
        static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");
        static final Pattern STRAY_PASSWORD = Pattern.compile(":[^:@/?&\\s]+@");
        static final Pattern SUSPICIOUS_PORT = Pattern.compile("([^/?\\[\\]:]*):(?![0-9]*(?:[/?]|$))[^/]*");

        private Masks() {
        }
    }
}
