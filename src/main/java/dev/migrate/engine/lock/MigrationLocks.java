package dev.migrate.engine.lock;

import java.util.function.Supplier;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.SqliteUrl;
import dev.migrate.engine.Database;
import dev.migrate.engine.VersionTable;
import io.smallrye.mutiny.Uni;

/** The migration lock that fits a database: advisory lock, lock file, or none for an in-memory database. */
public final class MigrationLocks {
    private MigrationLocks() {
    }

    /** {@code connect} opens a PostgreSQL session of the lock's own (with the same waiting as any other). */
    public static Uni<MigrationLock> open(DatabaseUrl url, VersionTable versions, Supplier<Uni<Database>> connect) {
        if (url instanceof SqliteUrl) {
            SqliteUrl sqlite = (SqliteUrl) url;
            return Uni.createFrom().item(sqlite.inMemory() ? new NoLock() : new LockFile(sqlite.path()));
        }
        return connect.get().flatMap(session -> AdvisoryLock.on(session, versions.schema(), versions.name()));
    }
}
