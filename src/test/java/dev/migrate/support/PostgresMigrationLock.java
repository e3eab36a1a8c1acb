package dev.migrate.support;

import dev.migrate.engine.Database;
import dev.migrate.postgres.AdvisoryLockKey;

/** The migration lock of a test database's {@code public.alembic_version}, taken the way another run would. */
public final class PostgresMigrationLock implements AutoCloseable {
    public static final long KEY = AdvisoryLockKey.of("public", "alembic_version");

    private final Database session;
    private final String pid;

    private PostgresMigrationLock(Database session, String pid) {
        this.session = session;
        this.pid = pid;
    }

    /** Takes the lock on a session of its own, which {@link #close()} ends; fails if it is held already. */
    public static PostgresMigrationLock hold(TestDatabase db) {
        Database session = db.open();
        if (!"true".equals(session.query("SELECT pg_try_advisory_lock(" + KEY + ")").await().indefinitely().get(0).get(0))) {
            session.close().await().indefinitely();
            throw new IllegalStateException("the migration lock is held already");
        }
        return new PostgresMigrationLock(session, session.query("SELECT pg_backend_pid()").await().indefinitely().get(0).get(0));
    }

    /** The backend pid holding the lock: what a lock timeout should name. */
    public String holderPid() {
        return pid;
    }

    @Override
    public void close() {
        session.close().await().indefinitely();
    }

    /** Whether the lock is free now (taking and releasing it at once). */
    public static boolean isFree(TestDatabase db) {
        Database session = db.open();
        try {
            boolean free = "true".equals(session.query("SELECT pg_try_advisory_lock(" + KEY + ")").await().indefinitely().get(0).get(0));
            session.execute("SELECT pg_advisory_unlock(" + KEY + ")").await().indefinitely();
            return free;
        } finally {
            session.close().await().indefinitely();
        }
    }
}
