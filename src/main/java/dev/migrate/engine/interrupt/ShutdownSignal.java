package dev.migrate.engine.interrupt;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import sun.misc.Signal;
import sun.misc.SignalHandler;
import dev.migrate.errors.RunInterrupted;

/**
 * Turns SIGINT and SIGTERM into an {@link Interruption} of the runs in progress. While at least
 * one guarded run is going, the signals are handled here instead of by the JVM: its default
 * answer, running the shutdown hooks, would let Quarkus stop the application (and close Vert.x,
 * which the run needs to cancel its statement and roll back) while the run is still going. So the
 * handler only asks every guarded run to stop; each rolls back, releases its lock and fails with
 * {@link RunInterrupted}, carrying 128 + the signal number (130, 143) as a shell reports it.
 *
 * <p>One handler serves the whole process, whatever the number of guarded runs at once (an
 * application may run several operations on one {@code Migrate}): it is installed when the first
 * guarded run starts and the previous handler (the JVM's) is put back when the last one ends.
 * Saving and restoring per run would leave a stale handler behind when two runs overlap, and
 * the signals would be ignored from then on.
 *
 * <p>The command line also gives up on a run that does not stop in time (a statement that cannot
 * be cancelled): it prints why and exits. PostgreSQL rolls back and drops the advisory lock when
 * the session goes, SQLite rolls back from its journal on the next open, and the OS drops the file
 * lock. An application's run is never ended that way: exiting its process is not a library's call.
 */
public final class ShutdownSignal {
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final List<String> SIGNALS = List.of("INT", "TERM");
    private static final SignalHandler HANDLER = ShutdownSignal::handle;

    /** The runs guarded now, and the handlers ours replaced while there are any; guarded by the class. */
    private static final List<Guarded> ACTIVE = new ArrayList<>();
    private static final Map<Signal, SignalHandler> PREVIOUS = new LinkedHashMap<>();

    private ShutdownSignal() {
    }

    /**
     * The command line's guard: runs {@code run} with the signals handled; should the run not stop
     * within the grace period, {@code err} gets the closing line and the process exits.
     */
    public static <T> T guard(Interruption interruption, PrintStream err, Supplier<T> run) {
        return guard(interruption, err, run, GRACE, System::exit);
    }

    /**
     * An application's guard: runs {@code run} with the signals handled, which only ask the run to
     * stop; it prints nothing and never ends the process, a run that cannot stop included.
     */
    public static <T> T guardInApplication(Interruption interruption, Supplier<T> run) {
        return guard(interruption, null, run, GRACE, null);
    }

    /**
     * {@link #guard(Interruption, PrintStream, Supplier)} waiting {@code grace} for the run to stop,
     * then calling {@code exit} with the status (null: never, and nothing printed). Once the run
     * has settled or finished the handler says nothing: the run's own failure tells what happened,
     * and a line claiming it did not stop would be false.
     */
    static <T> T guard(Interruption interruption, PrintStream err, Supplier<T> run, Duration grace, IntConsumer exit) {
        Guarded guarded = new Guarded(interruption, err, grace, exit);
        register(guarded);
        try {
            return run.get();
        } catch (RunInterrupted e) {
            int signal = guarded.received.get();
            throw signal == 0 ? e : new RunInterrupted(e.getMessage(), 128 + signal);
        } finally {
            guarded.finished.set(true);
            unregister(guarded);
        }
    }

    private static synchronized void register(Guarded guarded) {
        if (ACTIVE.isEmpty()) {
            for (String name : SIGNALS) {
                try {
                    Signal signal = new Signal(name);
                    PREVIOUS.put(signal, Signal.handle(signal, HANDLER));
                } catch (IllegalArgumentException unavailable) {
                    // The JVM keeps this signal to itself (-Xrs): it then ends the process without a rollback here,
                    // which the database survives as described above.
                }
            }
        }
        ACTIVE.add(guarded);
    }

    private static synchronized void unregister(Guarded guarded) {
        ACTIVE.remove(guarded);
        if (ACTIVE.isEmpty()) {
            PREVIOUS.forEach(Signal::handle);
            PREVIOUS.clear();
        }
    }

    /** Runs on a thread of its own for each signal: asks every guarded run to stop, then waits on those that may exit. */
    private static void handle(Signal signal) {
        List<Guarded> runs;
        synchronized (ShutdownSignal.class) {
            runs = List.copyOf(ACTIVE);
        }
        List<Guarded> asked = new ArrayList<>();
        for (Guarded run : runs) if (run.request(signal.getNumber())) asked.add(run);
        for (Guarded run : asked) run.exitIfStuck(signal.getNumber());
    }

    /** One guarded run: the first signal it received, and whether it has ended. */
    private static final class Guarded {
        private final Interruption interruption;
        private final PrintStream err;
        private final Duration grace;
        private final IntConsumer exit;
        private final AtomicInteger received = new AtomicInteger();
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile long deadline;

        Guarded(Interruption interruption, PrintStream err, Duration grace, IntConsumer exit) {
            this.interruption = interruption;
            this.err = err;
            this.grace = grace;
            this.exit = exit;
        }

        /** Asks the run to stop on its first signal; false for the later ones, which change nothing. */
        boolean request(int signal) {
            if (!received.compareAndSet(0, signal)) return false;
            deadline = System.nanoTime() + grace.toNanos();
            interruption.request();
            return true;
        }

        void exitIfStuck(int signal) {
            if (exit == null) return;
            // Polled, so that the run settling and guard returning (a run that never settles) both end the wait at once.
            while (!finished.get() && !interruption.settled() && System.nanoTime() < deadline) {
                interruption.awaitOutcome(POLL);
            }
            if (finished.get() || interruption.settled()) return;
            err.println("interrupted: the run did not stop within " + grace.toSeconds() + "s; the database rolls back the"
                    + " open transaction and drops the lock as this process exits (run 'migrate current' to see what"
                    + " stayed applied)");
            err.flush();
            exit.accept(128 + signal);
        }
    }
}
