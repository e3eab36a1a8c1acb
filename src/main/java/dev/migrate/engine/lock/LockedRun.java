package dev.migrate.engine.lock;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.engine.Backoff;
import dev.migrate.engine.Database;
import dev.migrate.engine.VersionTable;
import io.smallrye.mutiny.Uni;

/**
 * One run that changes a database (upgrade, downgrade, stamp) under the migration lock: take the
 * lock, polling with jittered backoff until {@code lock_timeout}; open the working session; run
 * the work, which reads the heads only now, so that a run that waited finds what the previous
 * holder did; close the session; release the lock. The lock is released on every way out:
 * success, failure, interruption.
 */
public final class LockedRun {
    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final DatabaseUrl url;
    private final VersionTable versions;
    private final Duration lockTimeout;
    private final Supplier<Uni<Database>> connect;
    private final Interruption interruption;
    private final Consumer<String> log;

    /**
     * @param connect opens one session (with the configured waiting); called for the lock's own
     *                session on PostgreSQL and for the working session
     * @param log progress lines ("waiting for the migration lock ...")
     */
    public LockedRun(DatabaseUrl url, VersionTable versions, Duration lockTimeout, Supplier<Uni<Database>> connect,
                     Interruption interruption, Consumer<String> log) {
        this.url = url;
        this.versions = versions;
        this.lockTimeout = lockTimeout;
        this.connect = connect;
        this.interruption = interruption;
        this.log = log;
    }

    /** Runs {@code work} on a working session while holding the lock. */
    public <T> Uni<T> run(Function<Database, Uni<T>> work) {
        return MigrationLocks.open(url, versions, connect)
                .flatMap(lock -> acquire(lock, System.nanoTime() + lockTimeout.toNanos(), new Backoff(FIRST_POLL, LONGEST_POLL), false)
                        .flatMap(v -> connect.get())
                        .flatMap(db -> underLock(lock, db, work))
                        .eventually(lock::release))
                .onTermination().invoke((item, failure, cancelled) -> interruption.settle(
                        failure instanceof RunInterrupted ? failure.getMessage() : null));
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

    private <T> Uni<T> underLock(MigrationLock lock, Database db, Function<Database, Uni<T>> work) {
        return lock.attach(db)
                .flatMap(v -> versions.heads(db))
                .flatMap(before -> {
                    interruption.onRequest(() -> lock.cancelWork().subscribe().with(x -> { }, e -> { }));
                    return work.apply(new InterruptibleDatabase(db, interruption))
                            .onFailure(e -> interruption.requested()).recoverWithUni(e -> interrupted(db, before));
                })
                .eventually(db::close);
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
