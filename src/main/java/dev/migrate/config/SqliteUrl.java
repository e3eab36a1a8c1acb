package dev.migrate.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A SQLite database: a file, or an in-memory database when {@link #path()} is null. Relative
 * paths are taken from the working folder, as SQLAlchemy does, so {@code sqlite:///app.db} means
 * the same file to Alembic and to migrate.
 */
public record SqliteUrl(Path path, String written) implements DatabaseUrl {
    private static final String MEMORY = ":memory:";

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

    @Override
    public String toString() {
        return written;
    }

    /** {@code rest} is what follows {@code sqlite://}: empty, or {@code /} and the path. */
    static SqliteUrl parse(String raw, String rest, Path workDir) {
        if (rest.indexOf('?') >= 0) {
            throw new InvalidUrlException("SQLite URLs take no parameters: " + DatabaseUrl.mask(raw));
        }
        if (rest.isEmpty()) return new SqliteUrl(null, "sqlite://");
        if (!rest.startsWith("/")) {
            throw new InvalidUrlException("a SQLite URL has no host: write sqlite:///relative.db, sqlite:////absolute.db"
                    + " or sqlite:///:memory:, not " + DatabaseUrl.mask(raw));
        }
        String file = PostgresUrl.decode(rest.substring(1), DatabaseUrl.mask(raw));
        return of(file, "sqlite:///" + file, workDir);
    }

    /** {@code rest} is what follows {@code jdbc:sqlite:}, the form Java users may already have. */
    static SqliteUrl parseJdbc(String raw, String rest, Path workDir) {
        if (rest.indexOf('?') >= 0) {
            throw new InvalidUrlException("SQLite URLs take no parameters: " + DatabaseUrl.mask(raw));
        }
        return of(rest, "jdbc:sqlite:" + rest, workDir);
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
