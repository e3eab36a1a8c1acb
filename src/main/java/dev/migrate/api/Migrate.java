package dev.migrate.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.migrate.core.Environment;
import dev.migrate.core.Application;
import dev.migrate.core.LazyVertx;
import dev.migrate.core.StopRequest;
import dev.migrate.diff.Differences;
import dev.migrate.errors.RunInterrupted;
import dev.migrate.graph.Step;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The commands {@code upgrade}, {@code downgrade}, {@code current}, {@code stamp} and {@code check}
 * for an application that migrates its database on start-up. Each runs exactly as the command
 * does (the same lock, transactions and version table) and gives a value instead of printing; the
 * progress lines go to the builder's {@link MigrateBuilder#progress sink}. Each has a blocking
 * variant, {@code ...AndAwait}, for a thread that may block (never a Vert.x event loop). The Unis
 * may be subscribed from an event loop: their blocking set-up (reading the revision files and the
 * target schema) runs on Mutiny's worker pool, never on the subscribing thread; the blocking variants do it on the calling thread and start no thread of their own.
 *
 * <p>Failures are {@link dev.migrate.MigrateException}s, by type: {@link ConfigurationException},
 * {@link dev.migrate.errors.ConnectionFailed}, {@link dev.migrate.errors.LockTimeout},
 * {@link dev.migrate.errors.MigrationFailed}, {@link dev.migrate.errors.GraphException} (a revision
 * graph that cannot be used, or a target it does not hold), and
 * {@link dev.migrate.errors.RunInterrupted}.
 *
 * <p>Cancelling the Uni of {@code upgrade}, {@code downgrade} or {@code stamp} (or interrupting the
 * thread blocked in its {@code ...AndAwait}) interrupts the run as Ctrl-C interrupts the command: it
 * stops at the next statement (on PostgreSQL the running one is cancelled), rolls back the open
 * transaction and releases the lock, in the background. Interrupting the thread blocked in
 * {@code currentAndAwait} or {@code checkAndAwait} cancels the read; both give
 * {@link dev.migrate.errors.RunInterrupted}. An instance may run several operations,
 * one after the other or at once (the migration lock orders runs that change the database).
 */
public final class Migrate implements AutoCloseable {
    private static final String RUN_INTERRUPTED = "interrupted: the run rolls back and releases the migration lock in the background";
    private static final String READ_INTERRUPTED = "interrupted: the read was cancelled; nothing was changed";

    private final Environment env;
    private final Application operations;
    private final LazyVertx ownVertx;
    private final boolean shutdownSignals;

    Migrate(Environment env, LazyVertx ownVertx, boolean shutdownSignals) {
        this.env = env;
        this.operations = new Application(env);
        this.ownVertx = ownVertx;
        this.shutdownSignals = shutdownSignals;
    }

    /**
     * The settings of this {@code migrate.yaml}, {@code ${VAR}} expanded from the process environment.
     *
     * @throws ConfigurationException when the file is missing or wrong, or its URL malformed
     */
    public static Migrate fromConfig(Path migrateYaml) {
        return builder().config(migrateYaml).build();
    }

    /** Settings given one by one, from a {@code migrate.yaml} or not. */
    public static MigrateBuilder builder() {
        return new MigrateBuilder();
    }

    /** Applies the revisions between the database's revisions and {@code target} (head, heads, +N, a revision, label@head). */
    public Uni<MigrationResult> upgrade(String target) {
        return offSubscriber(interruptible(i -> operations.upgrade(target, i))).map(this::result);
    }

    /** {@link #upgrade} and wait for it. */
    public MigrationResult upgradeAndAwait(String target) {
        return result(await(i -> operations.upgrade(target, i)));
    }

    /** Reverts revisions down to {@code target} (-1, base, a revision, label@base). */
    public Uni<MigrationResult> downgrade(String target) {
        return offSubscriber(interruptible(i -> operations.downgrade(target, i))).map(this::result);
    }

    /** {@link #downgrade} and wait for it. */
    public MigrationResult downgradeAndAwait(String target) {
        return result(await(i -> operations.downgrade(target, i)));
    }

    /** The database's revisions and the heads of the revision files; creates nothing. */
    public Uni<CurrentRevisions> current() {
        return offSubscriber(readCurrent());
    }

    /** {@link #current} and wait for it. */
    public CurrentRevisions currentAndAwait() {
        return awaitInterruptibly(readCurrent(), READ_INTERRUPTED);
    }

    private Uni<CurrentRevisions> readCurrent() {
        return Uni.createFrom().deferred(() -> {
            List<String> heads = env.graph().heads();
            return operations.current().map(rows -> new CurrentRevisions(rows, heads));
        });
    }

    /** Writes the version table to {@code targets} (head, base, revisions) without running any revision. */
    public Uni<StampResult> stamp(String... targets) {
        return stamp(Arrays.asList(targets), false);
    }

    /** Like {@link #stamp(String...)}; {@code purge} empties the version table first, whatever it holds. */
    public Uni<StampResult> stamp(List<String> targets, boolean purge) {
        List<String> copy = List.copyOf(targets);
        return offSubscriber(interruptible(i -> operations.stamp(copy, purge, i))).map(StampResult::new);
    }

    /** {@link #stamp(String...)} and wait for it. */
    public StampResult stampAndAwait(String... targets) {
        return stampAndAwait(Arrays.asList(targets), false);
    }

    /** {@link #stamp(List, boolean)} and wait for it. */
    public StampResult stampAndAwait(List<String> targets, boolean purge) {
        List<String> copy = List.copyOf(targets);
        return new StampResult(await(i -> operations.stamp(copy, purge, i)));
    }

    /**
     * Compares the database, which must be at head, with the target schema file, as
     * {@code migrate check} does; writes nothing.
     */
    public Uni<CheckResult> check() {
        return offSubscriber(compare());
    }

    /** {@link #check} and wait for it. */
    public CheckResult checkAndAwait() {
        return awaitInterruptibly(compare(), READ_INTERRUPTED);
    }

    private Uni<CheckResult> compare() {
        return operations.compare().map(diff -> new CheckResult(Differences.of(diff)));
    }

    /**
     * Closes the Vert.x this instance created, if any, waiting for its threads (called on one of
     * them, it starts the close without waiting); a Vert.x given to the builder stays open.
     */
    @Override
    public void close() {
        if (ownVertx != null) ownVertx.close();
    }

    /** Whether this instance created a Vert.x of its own (a PostgreSQL session needed one). */
    boolean createdVertx() {
        return ownVertx != null && ownVertx.created();
    }

    private MigrationResult result(Application.Migrated done) {
        List<AppliedStep> applied = new ArrayList<>(done.steps().size());
        for (Step step : done.steps()) {
            String id = step.revision().id();
            applied.add(new AppliedStep(id, step.upgrade() ? AppliedStep.Direction.UPGRADE : AppliedStep.Direction.DOWNGRADE,
                    env.script(id).message()));
        }
        return new MigrationResult(applied, done.current());
    }

    /**
     * {@code work} subscribed on a worker thread: its set-up reads and parses files, which must not
     * hold up a subscriber's event loop.
     */
    private static <T> Uni<T> offSubscriber(Uni<T> work) {
        return work.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** {@link #interruptible(StopRequest, Function)} with a stop request of its own for each subscription. */
    private static <T> Uni<T> interruptible(Function<StopRequest, Uni<T>> run) {
        return Uni.createFrom().deferred(() -> interruptible(new StopRequest(), run));
    }

    /**
     * The run, subscribed on its own: a subscriber that cancels asks the run to stop through
     * {@code stop} instead of cutting it off, so it still rolls back and releases its lock.
     */
    private static <T> Uni<T> interruptible(StopRequest stop, Function<StopRequest, Uni<T>> run) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean ended = new AtomicBoolean();
            // Called on completion and failure too; only a termination the run did not cause is a cancellation.
            emitter.onTermination(() -> {
                if (!ended.get()) stop.request();
            });
            Uni.createFrom().deferred(() -> run.apply(stop)).subscribe().with(item -> {
                ended.set(true);
                emitter.complete(item);
            }, failure -> {
                ended.set(true);
                emitter.fail(failure);
            });
        });
    }

    /**
     * Waits for {@code run}; an interrupt of the waiting thread cancels it, which asks a run to
     * stop (Mutiny's own await leaves it going), and fails with {@code interrupted}.
     */
    private static <T> T awaitInterruptibly(Uni<T> run, String interrupted) {
        CompletableFuture<T> result = run.subscribeAsCompletionStage();
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new RunInterrupted(interrupted);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
            if (e.getCause() instanceof Error) throw (Error) e.getCause();
            throw new CompletionException(e.getCause());
        }
    }

    /** Runs {@code run} on this thread and waits for it, interrupted by SIGINT and SIGTERM too when the builder says so. */
    private <T> T await(Function<StopRequest, Uni<T>> run) {
        StopRequest stop = new StopRequest();
        Supplier<T> wait = () -> awaitInterruptibly(interruptible(stop, run), RUN_INTERRUPTED);
        return shutdownSignals ? stop.guardApplication(wait) : wait.get();
    }
}
