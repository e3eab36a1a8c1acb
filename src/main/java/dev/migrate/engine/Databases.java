package dev.migrate.engine;

import java.util.function.Supplier;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.PostgresUrl;
import dev.migrate.config.SqliteUrl;
import dev.migrate.engine.postgres.PostgresDatabase;
import dev.migrate.engine.postgres.PostgresOptions;
import dev.migrate.engine.sqlite.SqliteDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Opens the engine a URL names. Each engine's classes are touched only on its own branch, so a
 * PostgreSQL run never loads the SQLite driver and a SQLite run never starts Vert.x.
 */
public final class Databases {
    private Databases() {
    }

    public static Uni<Database> open(DatabaseUrl url, Supplier<Vertx> vertx) {
        if (url instanceof SqliteUrl) {
            SqliteUrl sqlite = (SqliteUrl) url;
            return SqliteDatabase.open(sqlite.inMemory() ? ":memory:" : sqlite.path().toString(), sqlite.masked());
        }
        return PostgresDatabase.connect(vertx.get(), PostgresOptions.from((PostgresUrl) url), url.masked(),
                url.masked() + " (" + url.describe() + ")");
    }
}
