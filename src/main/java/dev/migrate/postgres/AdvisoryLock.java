package dev.migrate.postgres;

import java.util.List;

import dev.migrate.engine.Database;
import dev.migrate.engine.lock.MigrationLock;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL: a session-level advisory lock ({@code pg_try_advisory_lock(bigint)}) held on a
 * session of its own, never the one running DDL, so that a rolled-back revision cannot take the
 * lock with it and the lock ends exactly when its session does (crash, kill, dropped network).
 * The key is {@link AdvisoryLockKey}.
 */
public final class AdvisoryLock implements MigrationLock {
    private final Database session;
    private final long key;
    private final String table;
    private volatile Integer workPid;

    private AdvisoryLock(Database session, long key, String table) {
        this.session = session;
        this.key = key;
        this.table = table;
    }

    /** The lock for the version table {@code schema.table} on {@code session}, which it owns from now on. */
    public static Uni<MigrationLock> on(Database session, String schema, String table) {
        Uni<String> resolved = schema != null ? Uni.createFrom().item(schema)
                : session.query("SELECT current_schema()").map(rows -> rows.get(0).get(0));
        return resolved.<MigrationLock>map(s -> new AdvisoryLock(session, AdvisoryLockKey.of(s, table), s + "." + table))
                .onFailure().call(e -> session.close());
    }

    public long key() {
        return key;
    }

    @Override
    public Uni<Boolean> tryAcquire() {
        return session.query("SELECT pg_try_advisory_lock(" + key + ")").map(rows -> "true".equals(rows.get(0).get(0)));
    }

    /** Remembers the backend of the working session, so that {@link #cancelWork()} can reach it. */
    @Override
    public Uni<Void> attach(Database work) {
        return work.query("SELECT pg_backend_pid()").invoke(rows -> workPid = Integer.valueOf(rows.get(0).get(0)))
                .replaceWithVoid();
    }

    @Override
    public Uni<String> holder() {
        // A bigint advisory lock shows in pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
        String sql = "SELECT a.pid, a.application_name, host(a.client_addr), a.backend_start, a.usename"
                + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
                + " AND l.classid = '" + (key >>> 32) + "'::oid AND l.objid = '" + (key & 0xffffffffL) + "'::oid";
        return session.query(sql).map(AdvisoryLock::describeHolder).onFailure().recoverWithNull();
    }

    private static String describeHolder(List<List<String>> rows) {
        if (rows.isEmpty()) return null;
        List<String> r = rows.get(0);
        return "pid " + r.get(0) + " (application_name '" + (r.get(1) == null ? "" : r.get(1)) + "', client "
                + (r.get(2) == null ? "local socket" : r.get(2)) + ", user " + r.get(4) + ", connected since " + r.get(3) + ")";
    }

    @Override
    public String describe() {
        return "advisory lock " + key + " (version table " + table + ") on " + session.describe();
    }

    @Override
    public Uni<Void> cancelWork() {
        Integer pid = workPid;
        if (pid == null) return Uni.createFrom().voidItem();
        return session.query("SELECT pg_cancel_backend(" + pid + ")").replaceWithVoid().onFailure().recoverWithNull();
    }

    @Override
    public Uni<Void> release() {
        return session.query("SELECT pg_advisory_unlock(" + key + ")").replaceWithVoid().onFailure().recoverWithNull()
                .eventually(session::close);
    }
}
