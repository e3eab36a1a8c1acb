package dev.migrate.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Database;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.lock.MigrationLock;
import dev.migrate.engine.lock.NoLock;
import dev.migrate.flavor.Flavor;
import dev.migrate.inspect.InspectOptions;
import dev.migrate.inspect.Inspector;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** SQLite through JDBC: a file (or memory) opened at once, a lock file beside it. */
public final class SqliteFlavor implements Flavor {
    public static final SqliteFlavor INSTANCE = new SqliteFlavor();

    private SqliteFlavor() {
    }

    @Override
    public Dialect dialect() {
        return SqliteDialect.INSTANCE;
    }

    @Override
    public String urlForms() {
        return SqliteUrl.FORMS;
    }

    /** A SQLite URL takes nothing from the environment: relative paths are taken from {@code workDir}. */
    @Override
    public Optional<DatabaseUrl> parseUrl(String text, Map<String, String> environment, Path workDir) {
        return SqliteUrl.read(text, workDir);
    }

    /** SQLite keeps no row estimates that lint could weigh its findings by. */
    @Override
    public boolean estimatesTableSizes() {
        return false;
    }

    /** A file that cannot be opened fails at once: waiting would not create its folder. */
    @Override
    public Uni<Database> open(DatabaseUrl url, Supplier<Vertx> vertx, Duration wait, Duration timeout, Consumer<String> log) {
        SqliteUrl sqlite = (SqliteUrl) url;
        return SqliteDatabase.open(sqlite.inMemory() ? ":memory:" : sqlite.path().toString(), sqlite.masked());
    }

    /** No lock for an in-memory database: no other process can see it. */
    @Override
    public Uni<MigrationLock> lock(DatabaseUrl url, VersionTable versions, Supplier<Uni<Database>> connect) {
        SqliteUrl sqlite = (SqliteUrl) url;
        return Uni.createFrom().item(sqlite.inMemory() ? new NoLock() : new LockFile(sqlite.path()));
    }

    @Override
    public Inspector inspector(InspectOptions options) {
        return new SqliteInspector(options);
    }
}
