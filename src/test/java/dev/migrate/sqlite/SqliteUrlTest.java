package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.config.InvalidUrlException;

/** SQLite's URL forms, SQLAlchemy's and JDBC's (README, "Database URLs"). */
class SqliteUrlTest {
    private static final Path WORK = Path.of("/srv/app");

    private static SqliteUrl sqlite(String url) {
        return sqlite(url, WORK);
    }

    private static SqliteUrl sqlite(String url, Path workDir) {
        return (SqliteUrl) SqliteFlavor.INSTANCE.parseUrl(url, Map.of(), workDir).orElseThrow(() -> new AssertionError(url));
    }

    private static InvalidUrlException invalid(String url) {
        return assertThrows(InvalidUrlException.class, () -> SqliteUrl.read(url, WORK), url);
    }

    @Test
    void sqliteForms() {
        SqliteUrl rel = sqlite("sqlite:///app.db");
        assertEquals(WORK.resolve("app.db"), rel.path());
        assertFalse(rel.inMemory());
        assertEquals("sqlite:///app.db", rel.masked());
        assertEquals("SQLite database " + WORK.resolve("app.db"), rel.describe());

        assertEquals(WORK.resolve("data/dev.db"), sqlite("sqlite:///data/dev.db").path());
        assertEquals(Path.of("/var/lib/app.db"), sqlite("sqlite:////var/lib/app.db").path());
        assertEquals(WORK.resolve("app.db"), sqlite("sqlite+pysqlite:///app.db").path());

        for (String memory : new String[] {"sqlite://", "sqlite:///:memory:", "sqlite:///", "jdbc:sqlite::memory:"}) {
            SqliteUrl m = sqlite(memory);
            assertTrue(m.inMemory(), memory);
            assertNull(m.path());
            assertEquals("in-memory SQLite database", m.describe());
        }
        assertEquals(WORK.resolve("app.db"), sqlite("jdbc:sqlite:app.db").path());
        assertEquals(Path.of("/abs/app.db"), sqlite("jdbc:sqlite:/abs/app.db").path());
    }

    @Test
    void sqliteRefusesHostsAndParameters() {
        assertTrue(invalid("sqlite://host/app.db").getMessage().contains("no host"));
        assertTrue(invalid("sqlite:///app.db?mode=ro").getMessage().contains("no parameters"));
    }

    @Test
    void theSameFileHoweverItIsWritten(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        String file = sqlite("sqlite:///real/app.db", dir).identity();
        assertEquals(file, sqlite("jdbc:sqlite:link/app.db", dir).identity(), "a file not created yet, through a linked folder");
        assertEquals(file, sqlite("sqlite:///" + dir.resolve("real/../real/app.db"), dir).identity());
        assertNotEquals(file, sqlite("sqlite:///real/other.db", dir).identity());
        assertNull(sqlite("sqlite://").identity(), "each in-memory database is a new one");
        assertEquals(Optional.of(dir.resolve("real/app.db")), sqlite("sqlite:///real/app.db", dir).file());
        assertEquals(Optional.empty(), sqlite("sqlite:///:memory:").file());
    }

    @Test
    void otherSchemesAreNotRead() {
        for (String url : List.of("postgresql://db/shop", "jdbc:postgresql://db/shop", "mysql://db/shop", "sqlite:/app.db", "")) {
            assertTrue(SqliteUrl.read(url, WORK).isEmpty(), url);
        }
    }
}
