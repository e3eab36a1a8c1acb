package dev.migrate.engine.lock;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Turns SIGINT and SIGTERM into an {@link Interruption} of the run in progress. The JVM answers
 * both signals by running its shutdown hooks and then exiting with 128 + the signal number (130,
 * 143): the hook asks the run to stop, waits for it to roll back and release its lock, and prints
 * the run's one closing line. Should the run not stop in time (a statement that cannot be
 * cancelled), the process ends anyway: PostgreSQL rolls back and drops the advisory lock when the
 * session goes, SQLite rolls back from its journal on the next open, and the OS drops the file lock.
 */
public final class ShutdownSignal {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private ShutdownSignal() {
    }

    /** Runs {@code run} with the hook installed; {@code err} gets the closing line when a signal ends it. */
    public static <T> T guard(Interruption interruption, PrintStream err, Supplier<T> run) {
        Thread hook = new Thread(() -> {
            interruption.request();
            err.println(interruption.awaitOutcome(GRACE).orElse("interrupted: the run did not stop within "
                    + GRACE.toSeconds() + "s; the database rolls back the open transaction and drops the lock as this"
                    + " process exits (run 'migrate current' to see what stayed applied)"));
            err.flush();
        }, "migrate-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.get();
        } catch (RunInterrupted e) {
            if (hook.isAlive()) {
                // The hook prints the line and the JVM exits with the signal's status; returning from here would only
                // race it with a second message.
                while (true) LockSupport.park();
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Too late to remove: the JVM is already running the hooks, this one included.
            }
        }
    }
}
