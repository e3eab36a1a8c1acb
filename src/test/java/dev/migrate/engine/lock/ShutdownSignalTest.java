package dev.migrate.engine.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import sun.misc.Signal;

/** SIGINT during a guarded run, raised in this JVM: the handler's closing line only when the run does not stop. */
class ShutdownSignalTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final List<Integer> exits = new CopyOnWriteArrayList<>();

    private static void awaitRequest(Interruption interruption) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!interruption.requested()) {
            if (System.nanoTime() > deadline) throw new AssertionError("the signal handler never asked the run to stop");
            Thread.onSpinWait();
        }
    }

    @Test
    void aRunThatSettlesSaysItselfWhatHappenedAndTheHandlerStaysSilent() throws Exception {
        Interruption interruption = new Interruption();
        RunInterrupted e = assertThrows(RunInterrupted.class, () -> ShutdownSignal.guard(interruption, errStream, () -> {
            Signal.raise(new Signal("INT"));
            awaitRequest(interruption);
            interruption.settle("interrupted: rolled back");
            // The caller still has to unwind after the run settles: the handler must not take that for a hang.
            sleep(300);
            throw new RunInterrupted("interrupted: rolled back");
        }, Duration.ofSeconds(5), exits::add));
        assertEquals(130, e.exitCode());
        Thread.sleep(200);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), exits);
    }

    @Test
    void aRunThatDoesNotStopInTimeGetsTheClosingLineAndTheExit() {
        Interruption interruption = new Interruption();
        CountDownLatch exited = new CountDownLatch(1);
        String result = ShutdownSignal.guard(interruption, errStream, () -> {
            Signal.raise(new Signal("INT"));
            awaitRequest(interruption);
            try {
                assertTrue(exited.await(10, TimeUnit.SECONDS), "the handler never gave up on the run");
            } catch (InterruptedException x) {
                throw new AssertionError(x);
            }
            return "kept running";
        }, Duration.ofSeconds(1), status -> {
            exits.add(status);
            exited.countDown();
        });
        assertEquals("kept running", result);
        assertEquals(List.of(130), exits);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("interrupted: the run did not stop within 1s;"),
                err.toString(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException x) {
            throw new AssertionError(x);
        }
    }

    @Test
    void oneSignalReachesEveryRunOfACommandOverSeveralDatabases() {
        List<Interruption> runs = List.of(new Interruption(), new Interruption(), new Interruption());
        Interruption all = Interruption.forAll(runs);
        RunInterrupted e = assertThrows(RunInterrupted.class, () -> ShutdownSignal.guard(all, errStream, () -> {
            Signal.raise(new Signal("INT"));
            for (Interruption run : runs) awaitRequest(run);
            throw new RunInterrupted("interrupted: every run rolled back");
        }, Duration.ofSeconds(10), exits::add));
        assertEquals(130, e.exitCode());
        assertEquals(List.of(), exits);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
