package dev.migrate.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container entry point, run directly: it waits for the database and migrates first, then
 * becomes the application; a failed or interrupted migration keeps the application from
 * starting; signals reach whichever of the two is running. A stand-in {@code migrate} on the
 * PATH records how it was called.
 */
class EntrypointTest {
    private static final Path ENTRYPOINT = Path.of("docker/entrypoint.sh").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Busy for about as long as the test waits, but never forever should a test fail and leave it behind. */
    private static final String FOR_A_WHILE = "i=0; while [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done";

    @TempDir
    Path tmp;

    private Path fakeMigrate(String body) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path migrate = bin.resolve("migrate");
        Files.writeString(migrate, "#!/bin/sh\necho \"migrate $*\" >> \"" + calls() + "\"\n" + body + "\n");
        Files.setPosixFilePermissions(migrate, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private Path fakeMigrate(int exitCode) throws IOException {
        return fakeMigrate("exit " + exitCode);
    }

    /** A migrate that runs until SIGTERM, then records it and exits as the real one does (143). */
    private Path slowMigrate(String whenDone) throws IOException {
        return fakeMigrate("trap 'echo \"migrate got TERM\" >> \"" + calls() + "\"; exit " + whenDone + "' TERM\n"
                + "echo started >> \"" + calls() + "\"\n"
                + FOR_A_WHILE + "; exit 1");
    }

    private Path calls() {
        return tmp.resolve("calls");
    }

    private Process start(Path bin, Map<String, String> env, String... app) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", ENTRYPOINT.toString()));
        command.addAll(List.of(app));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("MIGRATE_TARGET");
        pb.environment().remove("MIGRATE_WAIT");
        pb.environment().putAll(env);
        return pb.start();
    }

    private List<String> recorded() throws IOException {
        return Files.exists(calls()) ? Files.readAllLines(calls()) : List.of();
    }

    private void awaitRecorded(String line) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!recorded().contains(line)) {
            assertTrue(System.nanoTime() < deadline, "migrate never recorded '" + line + "': " + recorded());
            Thread.sleep(20);
        }
    }

    /** Sends the signal with kill(1): Process.destroy() would also close the streams the test reads. */
    private static void signal(Process p, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
    }

    private static int exitOf(Process p) throws InterruptedException {
        assertTrue(p.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the entry point did not end");
        return p.exitValue();
    }

    @Test
    void waitsForTheDatabaseAndMigratesToHeadThenExecsTheApplication() throws Exception {
        Process p = start(fakeMigrate(0), Map.of(), "sh", "-c", "echo app started with $0; exit 7", "arg1");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(7, exitOf(p), "the application's exit status is the container's");
        assertEquals(List.of("migrate --wait 60s upgrade head"), recorded());
        assertEquals("app started with arg1", output.strip());
    }

    @Test
    void aFailedMigrationDoesNotStartTheApplication() throws Exception {
        Process p = start(fakeMigrate(1), Map.of(), "sh", "-c", "echo app started");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, exitOf(p));
        assertFalse(output.contains("app started"), output);
    }

    @Test
    void withoutAnApplicationItOnlyMigrates() throws Exception {
        Process failing = start(fakeMigrate(1), Map.of());
        assertEquals(1, exitOf(failing), "a one-shot migration job reports the migration's status");
        Process ok = start(fakeMigrate(0), Map.of());
        assertEquals(0, exitOf(ok));
    }

    @Test
    void theTargetAndTheWaitCanBeChosen() throws Exception {
        Process p = start(fakeMigrate(0), Map.of("MIGRATE_TARGET", "abc123", "MIGRATE_WAIT", "5m"), "true");
        assertEquals(0, exitOf(p));
        assertEquals(List.of("migrate --wait 5m upgrade abc123"), recorded());
    }

    @Test
    void theApplicationReplacesTheEntryPointAndReceivesItsSignals() throws Exception {
        Process p = start(fakeMigrate(0), Map.of(), "sh", "-c",
                "trap 'echo app got TERM; exit 0' TERM; echo \"pid $$\"; " + FOR_A_WHILE + "; exit 1");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("pid " + p.pid(), out.readLine(), "exec: the application runs as the entry point's own process");
        signal(p, "TERM"); // as `docker stop` sends it to PID 1
        assertEquals("app got TERM", out.readLine());
        assertEquals(0, exitOf(p));
    }

    @Test
    void aSignalDuringTheMigrationReachesMigrateAndTheApplicationDoesNotStart() throws Exception {
        Process p = start(slowMigrate("143"), Map.of(), "sh", "-c", "echo app started");
        awaitRecorded("started");
        signal(p, "TERM");
        assertEquals(143, exitOf(p), "migrate's status after the signal is the container's");
        assertTrue(recorded().contains("migrate got TERM"), recorded().toString());
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertFalse(output.contains("app started"), output);
    }

    @Test
    void anInterruptIsPassedOnToo() throws Exception {
        Process p = start(slowMigrate("130"), Map.of(), "sh", "-c", "echo app started");
        awaitRecorded("started");
        signal(p, "INT");
        assertEquals(130, exitOf(p));
        assertTrue(recorded().contains("migrate got TERM"), recorded().toString());
    }

    @Test
    void aSignalThatArrivesAsTheMigrationSucceedsStillKeepsTheApplicationFromStarting() throws Exception {
        Process p = start(slowMigrate("0"), Map.of(), "sh", "-c", "echo app started");
        awaitRecorded("started");
        signal(p, "TERM");
        assertEquals(143, exitOf(p));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertFalse(output.contains("app started"), output);
    }
}
