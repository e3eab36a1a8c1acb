package dev.migrate.engine.interrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import sun.misc.Signal;
import sun.misc.SignalHandler;
import dev.migrate.errors.RunInterrupted;

/**
 * SIGINT during a guarded run, raised in this JVM: the handler's closing line only when the run
 * does not stop; one handler for runs that overlap, the JVM's put back when the last one ends.
 */
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

    /** The handler installed now, left installed. */
    private static SignalHandler installed(String name) {
        Signal signal = new Signal(name);
        SignalHandler current = Signal.handle(signal, s -> { });
        Signal.handle(signal, current);
        return current;
    }

    @Test
    void overlappingRunsAreAllInterruptedAndTheJvmHandlersComeBackWhenTheLastEnds() throws Exception {
        // Our own handlers stand for the JVM's, which sun.misc.Signal wraps anew each time it hands them out.
        SignalHandler int0 = s -> { };
        SignalHandler term0 = s -> { };
        SignalHandler jvmInt = Signal.handle(new Signal("INT"), int0);
        SignalHandler jvmTerm = Signal.handle(new Signal("TERM"), term0);
        try {
            overlappingRuns();
            assertSame(int0, installed("INT"));
            assertSame(term0, installed("TERM"));
        } finally {
            Signal.handle(new Signal("INT"), jvmInt);
            Signal.handle(new Signal("TERM"), jvmTerm);
        }
    }

    private void overlappingRuns() {
        Interruption first = new Interruption();
        Interruption second = new Interruption();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CompletableFuture<Throwable> firstOutcome = new CompletableFuture<>();
        // The first run starts, the second starts, the first ends, the second ends: the order that left
        // the first run's handler installed for good when each run saved and restored its own.
        Thread firstRun = new Thread(() -> {
            try {
                ShutdownSignal.guard(first, errStream, () -> {
                    firstStarted.countDown();
                    awaitRequest(first);
                    throw new RunInterrupted("interrupted: first rolled back");
                }, Duration.ofSeconds(10), exits::add);
                firstOutcome.complete(null);
            } catch (Throwable e) {
                firstOutcome.complete(e);
            }
        });
        firstRun.start();
        awaitLatch(firstStarted);
        RunInterrupted second130 = assertThrows(RunInterrupted.class, () -> ShutdownSignal.guard(second, errStream, () -> {
            Signal.raise(new Signal("INT"));
            awaitRequest(second);
            Throwable firstFailure = join(firstOutcome);
            assertTrue(firstFailure instanceof RunInterrupted && ((RunInterrupted) firstFailure).exitCode() == 130,
                    String.valueOf(firstFailure));
            throw new RunInterrupted("interrupted: second rolled back");
        }, Duration.ofSeconds(10), exits::add));
        assertEquals(130, second130.exitCode());
        assertEquals(List.of(), exits);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anApplicationsRunThatDoesNotStopIsNeverEndedNorTalkedAbout() {
        Interruption interruption = new Interruption();
        String result = ShutdownSignal.guard(interruption, errStream, () -> {
            Signal.raise(new Signal("TERM"));
            awaitRequest(interruption);
            // Well past the grace period: a command would have exited by now.
            sleep(1500);
            return "kept running";
        }, Duration.ofMillis(300), null);
        assertEquals("kept running", result);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException x) {
            throw new AssertionError(x);
        }
    }

    private static Throwable join(CompletableFuture<Throwable> outcome) {
        try {
            return outcome.get(10, TimeUnit.SECONDS);
        } catch (Exception x) {
            throw new AssertionError(x);
        }
    }
}
