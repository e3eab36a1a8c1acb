package dev.migrate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.Statement;

/**
 * Runs a SQL script the way a user would: with {@code psql} or the {@code sqlite3} shell when they
 * are on the PATH (stopping at the first error, as a DBA runs it), else statement by statement on a session of the
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
            run(psql(db, write(scratch, script)), null);
        } else {
            System.err.println("psql is not on the PATH: the script runs statement by statement through the project's own client");
            statements(db, script);
        }
    }

    /**
     * Runs {@code script} on {@code db} as {@link #postgres} does, expecting it to stop at a failing
     * statement: what ran before it stays, a transaction it left open is rolled back. Gives the error.
     */
    public static String postgresFailing(TestDatabase db, String script, Path scratch) {
        if (onPath("psql")) return failing(psql(db, write(scratch, script)), null);
        System.err.println("psql is not on the PATH: the script runs statement by statement through the project's own client");
        return statementsFailing(db, script);
    }

    /** Runs {@code script} on the SQLite file of {@code db} with the sqlite3 shell, else statement by statement over JDBC. */
    public static void sqlite(TestDatabase db, String script, Path scratch) {
        if (onPath("sqlite3")) {
            run(sqlite3(db), write(scratch, script));
        } else {
            System.err.println("sqlite3 is not on the PATH: the script runs statement by statement over JDBC");
            statements(db, script);
        }
    }

    /** Like {@link #postgresFailing} on the SQLite file of {@code db}. */
    public static String sqliteFailing(TestDatabase db, String script, Path scratch) {
        if (onPath("sqlite3")) return failing(sqlite3(db), write(scratch, script));
        System.err.println("sqlite3 is not on the PATH: the script runs statement by statement over JDBC");
        return statementsFailing(db, script);
    }

    /** psql stopping at the first error, as a DBA runs a script. */
    private static List<String> psql(TestDatabase db, Path file) {
        return List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url(), "-f", file.toString());
    }

    /** The sqlite3 shell stopping at the first error ({@code .bail on}), the script on its input. */
    private static List<String> sqlite3(TestDatabase db) {
        return List.of("sqlite3", "-bail", db.url().substring("sqlite:///".length()));
    }

    private static void statements(TestDatabase db, String script) {
        for (Statement st : SqlSplitter.split(script, "script", 1)) db.execute(st.sql());
    }

    /** Up to the first statement that fails; then, as a shell that exits, rolls back what is open. */
    private static String statementsFailing(TestDatabase db, String script) {
        for (Statement st : SqlSplitter.split(script, "script", 1)) {
            try {
                db.execute(st.sql());
            } catch (RuntimeException e) {
                try {
                    db.execute("ROLLBACK");
                } catch (RuntimeException noTransaction) {
                    // the failing statement ran outside a transaction
                }
                return e.getMessage();
            }
        }
        return fail("the script ran to its end:\n" + script);
    }

    private static Path write(Path scratch, String script) {
        try {
            return Files.writeString(Files.createTempFile(scratch, "script", ".sql"), script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, Path stdin) {
        Finished f = start(command, stdin);
        assertEquals(0, f.exit(), () -> String.join(" ", command) + " failed:\n" + f.output());
    }

    private static String failing(List<String> command, Path stdin) {
        Finished f = start(command, stdin);
        assertNotEquals(0, f.exit(), () -> String.join(" ", command) + " ran the whole script:\n" + f.output());
        return f.output();
    }

    private record Finished(int exit, String output) {
    }

    private static Finished start(List<String> command, Path stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (stdin != null) pb.redirectInput(stdin.toFile());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Finished(p.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
