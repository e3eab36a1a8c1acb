package dev.migrate.engine.lock;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT and SIGTERM into an {@link Interruption} of the run in progress. For the length of
 * the run the signals are handled here instead of by the JVM: its default answer, running the
 * shutdown hooks, would let Quarkus stop the application (and close Vert.x, which the run needs
 * to cancel its statement and roll back) while the run is still going. So the handler only asks
 * the run to stop; the run rolls back, releases its lock and fails with {@link RunInterrupted},
 * whose message the command prints, exiting with 128 + the signal number (130, 143) as a shell
 * reports it. Should the run not stop in time (a statement that cannot be cancelled), the process
 * exits anyway: PostgreSQL rolls back and drops the advisory lock when the session goes, SQLite
 * rolls back from its journal on the next open, and the OS drops the file lock.
 */
public final class ShutdownSignal {
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private ShutdownSignal() {
    }

    /** Runs {@code run} with the signal handlers installed; {@code err} gets the closing line if the run does not stop in time. */
    public static <T> T guard(Interruption interruption, PrintStream err, Supplier<T> run) {
        return guard(interruption, err, run, GRACE, System::exit);
    }

    /**
     * {@link #guard(Interruption, PrintStream, Supplier)} waiting {@code grace} for the run to stop,
     * then calling {@code exit} with the status. Once the run has settled or finished the handler
     * says nothing: the run's own failure tells what happened, and a line claiming it did not stop
     * would be false.
     */
    static <T> T guard(Interruption interruption, PrintStream err, Supplier<T> run, Duration grace, IntConsumer exit) {
        AtomicInteger received = new AtomicInteger();
        AtomicBoolean finished = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (!received.compareAndSet(0, signal.getNumber())) return;
            interruption.request();
            long deadline = System.nanoTime() + grace.toNanos();
            // Polled, so that the run settling and guard returning (a run that never settles) both end the wait at once.
            while (!finished.get() && !interruption.settled() && System.nanoTime() < deadline) {
                interruption.awaitOutcome(POLL);
            }
            if (finished.get() || interruption.settled()) return;
            err.println("interrupted: the run did not stop within " + grace.toSeconds() + "s; the database rolls back the"
                    + " open transaction and drops the lock as this process exits (run 'migrate current' to see what"
                    + " stayed applied)");
            err.flush();
            exit.accept(128 + signal.getNumber());
        };
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, handler));
            } catch (IllegalArgumentException unavailable) {
                // The JVM keeps this signal to itself (-Xrs): it then ends the process without a rollback here,
                // which the database survives as described above.
            }
        }
        try {
            return run.get();
        } catch (RunInterrupted e) {
            int signal = received.get();
            throw signal == 0 ? e : new RunInterrupted(e.getMessage(), 128 + signal);
        } finally {
            finished.set(true);
            previous.forEach(Signal::handle);
        }
    }
}
