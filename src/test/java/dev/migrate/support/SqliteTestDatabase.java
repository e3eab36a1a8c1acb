package dev.migrate.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.engine.Database;
import dev.migrate.sqlite.SqliteDatabase;

/** A SQLite file in a folder of its own, deleted at the end. */
public final class SqliteTestDatabase extends SessionTestDatabase {
    private final Path dir;
    private final Path file;

    public SqliteTestDatabase() {
        try {
            dir = Files.createTempDirectory("migrate-sqlite");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        file = dir.resolve("test.db");
        try {
            // An empty file is an empty SQLite database: it exists, as a test's PostgreSQL database does
            // (the reading commands refuse a SQLite file that does not exist).
            Files.createFile(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String url() {
        return "sqlite:///" + file.toAbsolutePath();
    }

    @Override
    public Database open() {
        return SqliteDatabase.open(file.toAbsolutePath().toString(), file.toString()).await().indefinitely();
    }

    @Override
    public boolean hasTable(String name) {
        return !query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + name.replace("'", "''") + "'").isEmpty();
    }

    @Override
    public Set<String> tables() {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> row : query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND name NOT IN ('alembic_version', 'migrate_history') ORDER BY name")) {
            out.add(row.get(0));
        }
        return out;
    }

    @Override
    public List<String> columns(String table) {
        return query("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid").stream().map(r -> r.get(0)).toList();
    }

    @Override
    public void close() {
        closeSession();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A leftover temporary file is harmless; the next run uses a new folder.
        }
    }
}
