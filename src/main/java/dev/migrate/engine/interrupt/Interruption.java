package dev.migrate.engine.interrupt;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop a run early, and the run's answer once it has stopped. Whoever asks (a
 * signal handler on SIGINT or SIGTERM (ShutdownSignal), or an application) calls {@link #request()}; the run stops
 * at the next statement (on PostgreSQL it also cancels the one running), rolls back, releases its
 * lock, and {@linkplain #settle settles} with a line saying what stayed applied.
 */
public final class Interruption {
    private volatile boolean requested;
    private volatile Runnable onRequest = () -> { };
    private volatile String outcome;
    private final CountDownLatch settled = new CountDownLatch(1);

    /**
     * One interruption for several runs at once (a command over many databases): a request reaches
     * each of {@code runs}. It never settles itself: whoever waits for it (the signal handler)
     * waits for the command to end.
     */
    public static Interruption forAll(List<Interruption> runs) {
        Interruption all = new Interruption();
        List<Interruption> copy = List.copyOf(runs);
        all.onRequest(() -> copy.forEach(Interruption::request));
        return all;
    }

    /** Asks the run to stop; safe from any thread, any number of times. */
    public void request() {
        requested = true;
        onRequest.run();
    }

    public boolean requested() {
        return requested;
    }

    /** What to do at once on a request (cancel the running statement); runs now if one came already. */
    public void onRequest(Runnable action) {
        onRequest = action;
        if (requested) action.run();
    }

    /** The run has ended, its lock released; {@code line} says how (null when it finished normally). */
    public void settle(String line) {
        outcome = line;
        settled.countDown();
    }

    /** Whether the run has ended and released its lock. */
    public boolean settled() {
        return settled.getCount() == 0;
    }

    /**
     * Waits up to {@code max} for the run to end and gives its closing line: empty when it did not
     * end in time, or ended without being interrupted.
     */
    public Optional<String> awaitOutcome(Duration max) {
        try {
            if (!settled.await(max.toMillis(), TimeUnit.MILLISECONDS)) return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.ofNullable(outcome);
    }
}
