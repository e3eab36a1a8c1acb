package dev.migrate.sqlite;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.InvalidUrlException;
import dev.migrate.config.PercentEncoding;

/**
 * A SQLite database: a file, or an in-memory database when {@link #path()} is null. Relative
 * paths are taken from the working folder, as SQLAlchemy does, so {@code sqlite:///app.db} means
 * the same file to Alembic and to migrate.
 */
public record SqliteUrl(Path path, String written) implements DatabaseUrl {
    private static final String MEMORY = ":memory:";
    /** The forms read, for the message listing every flavor's. */
    static final String FORMS = "sqlite:///relative.db, sqlite:////absolute.db, sqlite:///:memory:";
    /** SQLAlchemy's {@code sqlite://} and {@code sqlite+driver://}. */
    private static final Pattern SCHEME = Pattern.compile("sqlite(?:\\+[a-z0-9_]+)?://");
    /** JDBC's form, which Java users may already have. */
    private static final String JDBC = "jdbc:sqlite:";

    @Override
    public String dialect() {
        return "sqlite";
    }

    public boolean inMemory() {
        return path == null;
    }

    @Override
    public String masked() {
        return written;
    }

    @Override
    public String describe() {
        return inMemory() ? "in-memory SQLite database" : "SQLite database " + path;
    }

    /**
     * The file, symbolic links resolved; null in memory. A file not created yet (SQLite creates it
     * on first use) may still be reached through a linked folder.
     */
    @Override
    public String identity() {
        if (inMemory()) return null;
        Path file = path.toAbsolutePath().normalize();
        try {
            return dialect() + " " + file.toRealPath();
        } catch (IOException | SecurityException notYet) {
            Path folder = file.getParent();
            try {
                return dialect() + " " + (folder == null ? file : folder.toRealPath().resolve(file.getFileName()));
            } catch (IOException | SecurityException neither) {
                return dialect() + " " + file;
            }
        }
    }

    @Override
    public Optional<Path> file() {
        return Optional.ofNullable(path);
    }

    @Override
    public String toString() {
        return written;
    }

    /** {@code text} (trimmed) parsed when its scheme is one of SQLite's, else empty; {@code workDir} anchors relative paths. */
    static Optional<DatabaseUrl> read(String text, Path workDir) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = SCHEME.matcher(lower);
        if (m.lookingAt()) return Optional.of(parse(text, text.substring(m.end()), workDir));
        if (lower.startsWith(JDBC)) return Optional.of(parseJdbc(text, text.substring(JDBC.length()), workDir));
        return Optional.empty();
    }

    /** {@code rest} is what follows {@code sqlite://}: empty, or {@code /} and the path. */
    private static SqliteUrl parse(String raw, String rest, Path workDir) {
        if (rest.indexOf('?') >= 0) {
            throw new InvalidUrlException("SQLite URLs take no parameters: " + DatabaseUrl.mask(raw));
        }
        if (rest.isEmpty()) return new SqliteUrl(null, "sqlite://");
        if (!rest.startsWith("/")) {
            throw new InvalidUrlException("a SQLite URL has no host: write sqlite:///relative.db, sqlite:////absolute.db"
                    + " or sqlite:///:memory:, not " + DatabaseUrl.mask(raw));
        }
        String file = PercentEncoding.decode(rest.substring(1), DatabaseUrl.mask(raw));
        return of(file, "sqlite:///" + file, workDir);
    }

    /** {@code rest} is what follows {@code jdbc:sqlite:}, the form Java users may already have. */
    private static SqliteUrl parseJdbc(String raw, String rest, Path workDir) {
        if (rest.indexOf('?') >= 0) {
            throw new InvalidUrlException("SQLite URLs take no parameters: " + DatabaseUrl.mask(raw));
        }
        return of(rest, JDBC + rest, workDir);
    }

    private static SqliteUrl of(String file, String written, Path workDir) {
        if (file.isEmpty() || file.equals(MEMORY)) return new SqliteUrl(null, written);
        try {
            return new SqliteUrl(workDir.resolve(file).normalize(), written);
        } catch (InvalidPathException e) {
            throw new InvalidUrlException("the SQLite file in database URL " + DatabaseUrl.mask(written)
                    + " is not a valid path: " + e.getReason());
        }
    }
}
