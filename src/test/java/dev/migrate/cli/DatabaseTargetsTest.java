package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateException;
import dev.migrate.config.Config;
import dev.migrate.config.ConfigLoader;

/** The same database given twice, however differently its URLs are written, is refused before any database is touched. */
class DatabaseTargetsTest {
    @TempDir
    Path tmp;

    private List<DatabaseTargets.Target> targets(String... urls) {
        RunOptions options = new RunOptions(null, List.of(urls), null, 1, List.of(), null, null, null, false, false, false);
        Config config = new ConfigLoader(Map.of(), tmp).defaults();
        return DatabaseTargets.of(options, config);
    }

    private String refused(String... urls) {
        MigrateException e = assertThrows(MigrateException.class, () -> targets(urls));
        assertEquals(2, e.exitCode());
        return e.getMessage();
    }

    @Test
    void postgresSchemesUsersPasswordsAndParametersDoNotMakeAnotherDatabase() {
        assertEquals("--url #2 names the same database as --url #1 (host h, port 5432, database db): each database once",
                refused("postgres://app@h/db", "postgresql://app@h:5432/db"));
        refused("postgresql://app@h/db", "jdbc:postgresql://app@H/db?application_name=x");
        refused("postgresql+asyncpg://app@h/db", "postgresql://other@h/db");
        String message = refused("postgresql://app:first-pw@h/db", "postgresql://app:second-pw@h/db");
        assertFalse(message.contains("first-pw") || message.contains("second-pw"), message);

        assertEquals(3, targets("postgresql://app@h/db", "postgresql://app@h:5433/db", "postgresql://app@h/db2").size());
    }

    @Test
    void sqliteFilesAreComparedByTheirRealPath() throws IOException {
        Path abs = tmp.resolve("app.db").toAbsolutePath();
        refused("sqlite:///app.db", "sqlite:///" + abs);
        refused("sqlite:///app.db", "jdbc:sqlite:./sub/../app.db");
        Files.createDirectory(tmp.resolve("real"));
        Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        refused("sqlite:///real/t.db", "sqlite:///link/t.db");
        Files.writeString(tmp.resolve("real/t.db"), "");
        refused("sqlite:///real/t.db", "sqlite:///link/t.db");

        assertEquals(2, targets("sqlite:///app.db", "sqlite:///other.db").size());
        assertEquals(3, targets("sqlite://", "sqlite:///:memory:", "jdbc:sqlite::memory:").size());
    }
}
