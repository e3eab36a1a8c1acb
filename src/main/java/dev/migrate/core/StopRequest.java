package dev.migrate.core;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

import dev.migrate.engine.interrupt.Interruption;
import dev.migrate.engine.interrupt.ShutdownSignal;

/**
 * A request to stop an upgrade, downgrade or stamp early, as the command line and the Java API
 * make it: on SIGINT or SIGTERM while one of the guards here runs, or when an application cancels.
 * The run stops at the next statement (on PostgreSQL the running one is cancelled), rolls back and
 * releases its lock. The engine's {@link Interruption} stays behind this class, so that its callers
 * hold the application layer's type alone.
 */
public final class StopRequest {
    private final Interruption interruption;

    public StopRequest() {
        this(new Interruption());
    }

    private StopRequest(Interruption interruption) {
        this.interruption = interruption;
    }

    /** One request for several runs at once (a command over many databases): asking it asks each of {@code runs}. */
    public static StopRequest forAll(List<StopRequest> runs) {
        return new StopRequest(Interruption.forAll(runs.stream().map(r -> r.interruption).toList()));
    }

    /** Asks the run to stop; safe from any thread, any number of times. */
    public void request() {
        interruption.request();
    }

    public boolean requested() {
        return interruption.requested();
    }

    /**
     * The command line's guard: runs {@code run} with SIGINT and SIGTERM asking it to stop; should
     * it not stop within the grace period, {@code err} gets the closing line and the process exits.
     */
    public <T> T guardCommand(PrintStream err, Supplier<T> run) {
        return ShutdownSignal.guard(interruption, err, run);
    }

    /** An application's guard: the signals only ask the run to stop; nothing is printed and the process never ends here. */
    public <T> T guardApplication(Supplier<T> run) {
        return ShutdownSignal.guardInApplication(interruption, run);
    }

    /** What the engine's run watches. */
    Interruption interruption() {
        return interruption;
    }
}
