package dev.migrate.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrate.config.DdlLockSettings;
import dev.migrate.config.Durations;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.LockHoldersSql;
import io.smallrye.mutiny.Uni;
import dev.migrate.errors.MigrationFailed;

/**
 * Runs a revision's transaction again when one of its statements gave up waiting for a lock
 * ({@code ddl_lock_timeout}, SQLSTATE 55P03), after a jittered pause that doubles each time, up to
 * {@code ddl_lock_retries} times. The attempt has rolled back by then, so the application's queries
 * that queued behind the statement go on, and nothing of the revision (its version row neither) is
 * applied twice. Each wait is reported with the sessions holding the lock; after the last one the
 * failure says who held it and which setting to raise. A statement that ran past
 * {@code statement_timeout} (57014) is reported as that, and not retried: it would only run as
 * long again.
 */
public final class DdlLockRetry {
    /** SQLSTATE lock_not_available: lock_timeout expired (or a NOWAIT found the lock taken). */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    /** SQLSTATE query_canceled: statement_timeout expired (or someone canceled the statement). */
    static final String QUERY_CANCELED = "57014";
    private static final Duration SHORTEST_PAUSE = Duration.ofMillis(100);
    private static final Duration FIRST_PAUSE_AT_MOST = Duration.ofSeconds(2);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final TimeoutSettings timeouts;
    private final Dialect dialect;
    private final Database db;
    private final Consumer<String> log;

    public DdlLockRetry(DdlLockSettings settings, Dialect dialect, Database db, Consumer<String> log) {
        this.timeouts = new TimeoutSettings(settings, dialect);
        this.dialect = dialect;
        this.db = db;
        this.log = log;
    }

    /** The statements that put the limits in force: after BEGIN, or around a revision outside a transaction. */
    public TimeoutSettings timeouts() {
        return timeouts;
    }

    /**
     * {@code attempt} (one revision's transaction, or the run's one transaction, rolled back when it
     * fails), run again after a lock timeout while {@code retryable} says that is safe.
     */
    public Uni<Void> run(Supplier<Uni<Void>> attempt, BooleanSupplier retryable) {
        if (!timeouts.active()) return attempt.get();
        DdlLockSettings s = timeouts.settings();
        Duration first = s.lockTimeout().compareTo(FIRST_PAUSE_AT_MOST) > 0 ? FIRST_PAUSE_AT_MOST
                : s.lockTimeout().compareTo(SHORTEST_PAUSE) < 0 ? SHORTEST_PAUSE : s.lockTimeout();
        return attempt(attempt, retryable, new Backoff(first, LONGEST_PAUSE), 1);
    }

    private Uni<Void> attempt(Supplier<Uni<Void>> attempt, BooleanSupplier retryable, Backoff backoff, int n) {
        return attempt.get().onFailure(MigrationFailed.class).recoverWithUni(e -> {
            MigrationFailed failed = (MigrationFailed) e;
            String state = failed.getCause() instanceof StatementFailed sf ? sf.sqlState() : null;
            if (QUERY_CANCELED.equals(state) && timeouts.settings().limitsStatements()) {
                return Uni.createFrom().failure(statementTimedOut(failed));
            }
            if (!LOCK_NOT_AVAILABLE.equals(state) || !timeouts.settings().limitsLockWaits()) return Uni.createFrom().failure(e);
            return holders(failed).flatMap(holders -> {
                int retries = timeouts.settings().retries();
                if (n > retries || !retryable.getAsBoolean()) {
                    return Uni.createFrom().failure(lockTimedOut(failed, holders, n, retryable.getAsBoolean()));
                }
                Duration pause = backoff.next(Duration.ofHours(1));
                log.accept("  revision " + failed.revision() + ": " + waited(failed) + "; rolled back, retry " + n + " of "
                        + retries + " in " + Durations.format(pause.toMillis() < 1 ? Duration.ofMillis(1) : pause));
                log.accept("    " + holders);
                return Backoff.sleep(pause).flatMap(v -> attempt(attempt, retryable, backoff, n + 1));
            });
        });
    }

    /**
     * The holders described, or why they could not be read: the timeout stays what is reported. Read
     * on the migration's own session right after its transaction rolled back, while they still hold
     * the locks.
     */
    private Uni<String> holders(MigrationFailed failed) {
        LockHoldersSql holders = dialect.lockHolders();
        if (holders == null) return Uni.createFrom().item("the lock holders cannot be read on this database");
        return db.query(holders.query(LockedTables.of(failed.sql() == null ? "" : failed.sql()))).map(holders::describe)
                .onFailure().recoverWithItem(e -> "the lock holders could not be read: " + e.getMessage());
    }

    private String waited(MigrationFailed failed) {
        List<String> tables = LockedTables.of(failed.sql() == null ? "" : failed.sql());
        return "a statement waited " + Durations.format(timeouts.settings().lockTimeout()) + " (ddl_lock_timeout) for its lock"
                + (tables.isEmpty() ? "" : " on " + String.join(", ", tables));
    }

    private MigrationFailed lockTimedOut(MigrationFailed failed, String holders, int attempts, boolean retryable) {
        String tries = attempts == 1 ? (retryable ? "" : " (a revision that runs outside a transaction, or a run that"
                + " committed part of itself, is not retried)") : " in " + attempts + " attempts";
        return new MigrationFailed(failed.revision(), failed.getMessage() + "\n  " + waited(failed) + " and gave up"
                + tries + "; " + holders
                + "\n  hint: let that transaction finish (or end it: SELECT pg_terminate_backend(pid)), or raise"
                + " ddl_lock_timeout or ddl_lock_retries in migrate.yaml (ddl_lock_timeout: off waits without limit,"
                + " blocking the application's queries on the table meanwhile)", failed.getCause(), failed.sql());
    }

    private MigrationFailed statementTimedOut(MigrationFailed failed) {
        return new MigrationFailed(failed.revision(), failed.getMessage() + "\n  the statement ran longer than "
                + Durations.format(timeouts.settings().statementTimeout()) + " (statement_timeout) and was canceled;"
                + " it is not retried: raise statement_timeout in migrate.yaml (off for no limit)", failed.getCause(),
                failed.sql());
    }
}
