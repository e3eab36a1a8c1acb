package dev.migrate.postgres;

/**
 * A session that held a lock on a table a migration statement waited for, as
 * {@code pg_locks} and {@code pg_stat_activity} showed it just after the wait gave up.
 *
 * @param pid its backend's process id (what {@code pg_terminate_backend} takes)
 * @param applicationName the application_name it connected with, empty when none
 * @param state active, idle in transaction, ...
 * @param transactionSeconds how long its transaction has been open
 * @param query the start of its current (or last) query, on one line
 * @param table the table it held a lock on
 * @param mode the lock it held (AccessShareLock, RowExclusiveLock, ...)
 */
record LockHolder(String pid, String applicationName, String state, long transactionSeconds, String query,
                         String table, String mode) {
    /** {@code pid 4242 (application_name 'billing', idle in transaction, transaction open 12s, AccessShareLock on accounts): SELECT ...}. */
    String describe() {
        return "pid " + pid + " (application_name '" + applicationName + "', " + (state.isEmpty() ? "state unknown" : state)
                + ", transaction open " + transactionSeconds + "s, " + mode + " on " + table + ")"
                + (query.isEmpty() ? "" : ": " + query);
    }
}
