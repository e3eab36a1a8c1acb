package dev.migrate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.PackagedApp;
import dev.migrate.support.PackagedApp.Running;

/**
 * A container started for a PostgreSQL server (PG* or POSTGRES_* set) with no DATABASE_URL: the
 * packaged application refuses to migrate the built-in SQLite default instead, and creates no file.
 * An environment an in-process run cannot set, hence a process.
 */
@Timeout(300)
class SqliteFallbackIT {
    private static final String PASSWORD = "s3cret-Pa?ss@word";

    @TempDir
    Path tmp;

    private Running run(String name, Map<String, String> set, String... args) {
        return PackagedApp.start(tmp, name, List.of(), List.of(args), env -> {
            env.remove("DATABASE_URL");
            env.remove("MIGRATE_CONFIG");
            env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("POSTGRES_"));
            env.putAll(set);
        });
    }

    private void project() throws IOException {
        Files.createDirectories(tmp.resolve("migrations/versions"));
        Files.writeString(tmp.resolve("migrate.yaml"), "script_location: migrations\n");
        Files.writeString(tmp.resolve("migrations/versions/a1_first.sql"),
                "-- revision: a1\n-- message: first\n\n-- migrate:upgrade\nCREATE TABLE t (id INTEGER);\n\n-- migrate:downgrade\nDROP TABLE t;\n");
    }

    @Test
    void upgradeHeadWithPostgresVariablesAndNoUrlRefusesTheSqliteDefault() throws IOException {
        project();
        Running refused = run("refused", Map.of("PGHOST", "db.internal", "POSTGRES_PASSWORD", PASSWORD), "upgrade", "head");
        assertEquals(1, refused.await(120), refused::describe);
        String err = refused.err();
        assertTrue(err.contains("PGHOST, POSTGRES_PASSWORD are set, so PostgreSQL looks intended"), refused.describe());
        assertTrue(err.contains("Set DATABASE_URL"), refused.describe());
        assertFalse(err.contains(PASSWORD) || refused.out().contains(PASSWORD), "the password is never printed: " + refused.describe());
        assertFalse(Files.exists(tmp.resolve("app.db")), "no SQLite file was created");

        // SQLite on purpose, named: migrates the file even with the variables set
        Running named = run("named", Map.of("PGHOST", "db.internal", "DATABASE_URL", "sqlite:///app.db"), "upgrade", "head");
        assertEquals(0, named.await(120), named::describe);
        assertTrue(Files.exists(tmp.resolve("app.db")), named.describe());
    }

    @Test
    void withoutPostgresVariablesTheSqliteDefaultStillServes() throws IOException {
        project();
        Running run = run("plain", Map.of(), "upgrade", "head");
        assertEquals(0, run.await(120), run::describe);
        assertTrue(Files.exists(tmp.resolve("app.db")), run.describe());
    }
}
