package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.StopRequest;
import dev.migrate.errors.RunInterrupted;
import io.smallrye.mutiny.Uni;
import sun.misc.Signal;

/** A signal that comes once every database has ended still ends the command with the signal's status. */
class ManyDatabasesSignalTest {
    @TempDir
    Path tmp;

    @Test
    void aSignalAfterTheLastDatabaseEndedIsNotSwallowed() throws IOException {
        Files.createDirectories(tmp.resolve("migrations/versions"));
        String config = Files.writeString(tmp.resolve("migrate.yaml"), "script_location: migrations\n").toString();
        // -c config --url a --url b --concurrency 1 -q
        RunOptions options = new RunOptions(config, List.of("sqlite:///" + tmp.resolve("a.db"), "sqlite:///" + tmp.resolve("b.db")),
                null, 1, List.of(), null, null, null, true, false, false);
        Workspace ws = new Workspace(options, new VertxHolder());
        List<StopRequest> runs = new CopyOnWriteArrayList<>();

        RunInterrupted e = assertThrows(RunInterrupted.class, () -> ManyDatabases.run(ws, true, (ops, stop) -> {
            runs.add(stop);
            return Uni.createFrom().item("done");
        }, done -> {
            // The last database has done its work: SIGTERM comes as its result is being shown, before the summary.
            if (runs.size() == 2) {
                Signal.raise(new Signal("TERM"));
                awaitRequest(runs.get(1));
            }
            return new ManyDatabases.Shown("ok", "ok", Map.of());
        }, Map.of(), results -> 0));
        assertEquals(143, e.exitCode());
    }

    private static void awaitRequest(StopRequest stop) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!stop.requested()) {
            if (System.nanoTime() > deadline) throw new AssertionError("the signal handler never asked the runs to stop");
            Thread.onSpinWait();
        }
    }
}
