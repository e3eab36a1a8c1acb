package dev.migrate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.script.SqlSplitter;
import dev.migrate.script.Statement;

/**
 * Runs a SQL script the way a user would: with {@code psql} or the {@code sqlite3} shell when they
 * are on the PATH (stopping at the first error), else statement by statement on a session of the
 * test database, split by the project's own splitter.
 */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /** Whether {@code command} is an executable on the PATH. */
    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    /** Runs {@code script} on {@code db} with psql, else through the project's own PostgreSQL session. */
    public static void postgres(TestDatabase db, String script, Path scratch) {
        if (onPath("psql")) {
            Path file = write(scratch, script);
            run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url(), "-f", file.toString()), null);
        } else {
            System.err.println("psql is not on the PATH: the script runs statement by statement through the project's own client");
            statements(db, script);
        }
    }

    /** Runs {@code script} on the SQLite file of {@code db} with the sqlite3 shell, else statement by statement over JDBC. */
    public static void sqlite(TestDatabase db, String script, Path scratch) {
        if (onPath("sqlite3")) {
            Path file = write(scratch, script);
            String path = db.url().substring("sqlite:///".length());
            run(List.of("sqlite3", "-bail", path), file);
        } else {
            System.err.println("sqlite3 is not on the PATH: the script runs statement by statement over JDBC");
            statements(db, script);
        }
    }

    private static void statements(TestDatabase db, String script) {
        for (Statement st : SqlSplitter.split(script, "script", 1)) db.execute(st.sql());
    }

    private static Path write(Path scratch, String script) {
        try {
            return Files.writeString(Files.createTempFile(scratch, "script", ".sql"), script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, Path stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (stdin != null) pb.redirectInput(stdin.toFile());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), () -> String.join(" ", command) + " failed:\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
