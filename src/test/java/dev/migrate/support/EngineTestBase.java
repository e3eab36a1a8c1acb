package dev.migrate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;

/**
 * The base of every scenario suite that runs on each engine: a throwaway database from the
 * subclass, and a project folder pointed at it.
 */
public abstract class EngineTestBase {
    @TempDir
    protected Path tmp;

    protected TestDatabase db;
    protected Project project;

    /** A new, empty database of the engine under test. */
    protected abstract TestDatabase newDatabase();

    /** Lines appended to the project's migrate.yaml. */
    protected String extraConfig() {
        return "";
    }

    @BeforeEach
    void createDatabase() {
        db = newDatabase();
        project = new Project(tmp, db.url(), extraConfig());
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /** Asserts exit 0, showing both outputs when it is not. */
    protected static void ok(LaunchResult r) {
        assertEquals(0, r.exitCode(), () -> "exit " + r.exitCode() + "\nstdout:\n" + r.getOutput() + "\nstderr:\n" + r.getErrorOutput());
    }
}
