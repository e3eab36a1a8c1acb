package dev.migrate.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container entry point, run directly: it migrates first, then becomes the application; a
 * failed migration keeps the application from starting. A stand-in {@code migrate} on the PATH
 * records how it was called.
 */
class EntrypointTest {
    private static final Path ENTRYPOINT = Path.of("docker/entrypoint.sh").toAbsolutePath();

    @TempDir
    Path tmp;

    private Path fakeMigrate(int exitCode) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path migrate = bin.resolve("migrate");
        Files.writeString(migrate, "#!/bin/sh\necho \"migrate $*\" >> \"" + tmp.resolve("calls") + "\"\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(migrate, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private Process start(Path bin, String target, String... app) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", ENTRYPOINT.toString()));
        command.addAll(List.of(app));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        if (target != null) pb.environment().put("MIGRATE_TARGET", target);
        return pb.start();
    }

    private List<String> calls() throws IOException {
        Path calls = tmp.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void migratesToHeadThenExecsTheApplication() throws Exception {
        Process p = start(fakeMigrate(0), null, "sh", "-c", "echo app started with $0; exit 7", "arg1");
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(7, p.waitFor(), "the application's exit status is the container's");
        assertEquals(List.of("migrate upgrade head"), calls());
        assertEquals("app started with arg1", output.strip());
    }

    @Test
    void aFailedMigrationDoesNotStartTheApplication() throws Exception {
        Process p = start(fakeMigrate(1), null, "sh", "-c", "echo app started");
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(1, p.waitFor());
        assertFalse(output.contains("app started"), output);
    }

    @Test
    void theTargetCanBeChosen() throws Exception {
        Process p = start(fakeMigrate(0), "abc123", "true");
        assertEquals(0, p.waitFor());
        assertEquals(List.of("migrate upgrade abc123"), calls());
    }
}
