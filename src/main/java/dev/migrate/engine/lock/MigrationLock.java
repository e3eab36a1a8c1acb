package dev.migrate.engine.lock;

import dev.migrate.engine.Database;
import io.smallrye.mutiny.Uni;

/**
 * The lock that lets one run at a time change a database's schema and version table. A lock
 * outlives nothing: it is held by a session or a file descriptor of this process, so a crashed
 * or killed run never leaves it behind.
 */
public interface MigrationLock {
    /** Takes the lock if it is free and gives true; gives false at once when someone else holds it. */
    Uni<Boolean> tryAcquire();

    /** Who holds the lock, in words for a message ("pid 4242, application_name 'migrate', ..."), or null if unknown. */
    Uni<String> holder();

    /** What is locked, in words for a message. */
    String describe();

    /** Learns what it needs about the working session to be able to {@link #cancelWork()} it later. */
    default Uni<Void> attach(Database work) {
        return Uni.createFrom().voidItem();
    }

    /**
     * Stops the statement the working session is running, if this engine can do that from the
     * lock's own session; used when the run is interrupted. Never fails.
     */
    Uni<Void> cancelWork();

    /** Releases the lock if held and frees what it used (session, file); never fails. */
    Uni<Void> release();
}
