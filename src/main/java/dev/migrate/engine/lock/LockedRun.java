package dev.migrate.engine.lock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.migrate.engine.Backoff;
import dev.migrate.engine.Database;
import dev.migrate.engine.VersionTable;
import io.smallrye.mutiny.Uni;
import dev.migrate.errors.LockTimeout;
import dev.migrate.errors.RunInterrupted;
import dev.migrate.engine.interrupt.Interruption;
import dev.migrate.engine.interrupt.InterruptibleDatabase;

/**
 * One run that changes a database (upgrade, downgrade, stamp) under the migration lock: open the
 * working session; for upgrade and downgrade, read the heads first without the lock and stop there
 * when there is nothing to do, so that a run at head costs one connection and one query; take the
 * lock, polling with jittered backoff until {@code lock_timeout}; read the heads again, so that a
 * run that waited finds what the previous holder did, and run the work with them; close the
 * session; release the lock. The lock is released on every way out: success, failure, interruption.
 */
public final class LockedRun {
    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final Supplier<Uni<MigrationLock>> lock;
    private final VersionTable versions;
    private final Duration lockTimeout;
    private final Supplier<Uni<Database>> connect;
    private final Interruption interruption;
    private final Consumer<String> log;

    /**
     * @param lock    opens the migration lock that fits the database (its flavor's), not yet taken
     * @param connect opens one session (with the configured waiting); called for the lock's own
     *                session on PostgreSQL and for the working session
     * @param log progress lines ("waiting for the migration lock ...")
     */
    public LockedRun(Supplier<Uni<MigrationLock>> lock, VersionTable versions, Duration lockTimeout, Supplier<Uni<Database>> connect,
                     Interruption interruption, Consumer<String> log) {
        this.lock = lock;
        this.versions = versions;
        this.lockTimeout = lockTimeout;
        this.connect = connect;
        this.interruption = interruption;
        this.log = log;
    }

    /** Runs {@code work} with the heads on a working session while holding the lock, whatever the heads are. */
    public <T> Uni<T> run(BiFunction<Database, List<String>, Uni<T>> work) {
        return run(null, null, work);
    }

    /**
     * Reads the heads without the lock first and gives {@code idle} at once when {@code needsWork}
     * says they need nothing; otherwise runs {@code work} under the lock, with the heads read again.
     * The read without the lock is only a hint: the decision that counts is made under the lock.
     */
    public <T> Uni<T> run(Predicate<List<String>> needsWork, Supplier<T> idle, BiFunction<Database, List<String>, Uni<T>> work) {
        return connect.get()
                .flatMap(db -> {
                    Supplier<Uni<Void>> close = closeOnce(db);
                    Uni<Boolean> needed = needsWork == null ? Uni.createFrom().item(true) : versions.heads(db).map(needsWork::test);
                    return needed.flatMap(yes -> yes ? locked(db, close, work) : Uni.createFrom().item(idle))
                            .eventually(close::get);
                })
                .onTermination().invoke((item, failure, cancelled) -> interruption.settle(
                        failure instanceof RunInterrupted ? failure.getMessage() : null));
    }

    private <T> Uni<T> locked(Database db, Supplier<Uni<Void>> close, BiFunction<Database, List<String>, Uni<T>> work) {
        return lock.get()
                .flatMap(lock -> acquire(lock, System.nanoTime() + lockTimeout.toNanos(), new Backoff(FIRST_POLL, LONGEST_POLL), false)
                        .flatMap(v -> underLock(lock, db, work))
                        // The working session ends before the lock does: nothing of this run may overlap the next one.
                        .eventually(close::get)
                        .eventually(lock::release));
    }

    private static Supplier<Uni<Void>> closeOnce(Database db) {
        AtomicBoolean closed = new AtomicBoolean();
        return () -> closed.compareAndSet(false, true) ? db.close() : Uni.createFrom().voidItem();
    }

    private Uni<Void> acquire(MigrationLock lock, long deadline, Backoff backoff, boolean told) {
        if (interruption.requested()) {
            return Uni.createFrom().failure(new RunInterrupted("interrupted while waiting for the migration lock;"
                    + " nothing was changed"));
        }
        return lock.tryAcquire().flatMap(taken -> {
            if (taken) return Uni.createFrom().voidItem();
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                return lock.holder().flatMap(holder -> Uni.createFrom().failure(new LockTimeout(lock.describe(), holder, lockTimeout)));
            }
            Uni<Void> tell = told ? Uni.createFrom().voidItem() : lock.holder()
                    .invoke(holder -> log.accept("Waiting for the migration lock (" + lock.describe() + "), held by "
                            + (holder == null ? "another run" : holder)))
                    .replaceWithVoid();
            return tell.flatMap(v -> Backoff.sleep(backoff.next(left))).flatMap(v -> acquire(lock, deadline, backoff, true));
        });
    }

    private <T> Uni<T> underLock(MigrationLock lock, Database db, BiFunction<Database, List<String>, Uni<T>> work) {
        return lock.attach(db)
                .flatMap(v -> versions.heads(db))
                .flatMap(before -> {
                    interruption.onRequest(() -> lock.cancelWork().subscribe().with(x -> { }, e -> { }));
                    return work.apply(new InterruptibleDatabase(db, interruption), before)
                            .onFailure(e -> interruption.requested()).recoverWithUni(e -> interrupted(db, before));
                });
    }

    /** The runner has rolled back already; roll back once more in case it had not begun, and say where the database stays. */
    private <T> Uni<T> interrupted(Database db, List<String> before) {
        return db.execute("ROLLBACK").onFailure().recoverWithItem(0)
                .flatMap(v -> versions.heads(db))
                .map(after -> "interrupted: the open transaction was rolled back and the migration lock released; "
                        + (after.equals(before) ? "nothing this run applied stayed; the database stays at " + heads(after)
                        : "the database stays at " + heads(after) + " (it was at " + heads(before) + " before this run)"))
                .onFailure().recoverWithItem("interrupted: the open transaction was rolled back and the migration lock"
                        + " released; the version table could not be read afterwards (run 'migrate current')")
                .flatMap(line -> Uni.createFrom().failure(new RunInterrupted(line)));
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "<base>" : String.join(", ", heads);
    }
}
