package dev.migrate.flavor;

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
import dev.migrate.inspect.InspectOptions;
import dev.migrate.inspect.Inspector;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Everything migrate knows about one kind of database, in one place: a new database is one new
 * folder with one implementation of this interface. Each flavor's classes are touched only when
 * it is chosen, so a PostgreSQL run never loads the SQLite driver and a SQLite run never loads
 * the PostgreSQL client. {@code core/Flavors} is the one place that chooses a flavor.
 */
public interface Flavor {
    /** The name URLs and {@code dialect:} fields use: one of {@link dev.migrate.sql.DialectNames#ALL}. */
    default String name() {
        return dialect().name();
    }

    /** How operations, identifiers, literals and the version and history tables are written. */
    Dialect dialect();

    /** The URL forms this flavor reads, as the message listing every accepted form shows them. */
    String urlForms();

    /**
     * {@code text} (trimmed, not empty) read as this flavor's URL, or empty when its scheme is not
     * one of this flavor's; a URL of this flavor's that cannot be used throws
     * {@link dev.migrate.config.InvalidUrlException}. {@code environment} supplies what the URL
     * leaves out, {@code workDir} anchors relative paths.
     */
    Optional<DatabaseUrl> parseUrl(String text, Map<String, String> environment, Path workDir);

    /**
     * Whether the catalog estimates how many rows each table holds, which lint weighs its findings
     * by (README, "Lint: safe migrations on a busy PostgreSQL"): lint then reads the configured
     * database unless told {@code --offline}.
     */
    boolean estimatesTableSizes();

    /**
     * Opens a session with the database {@code url} names, retrying a server that is not up yet for
     * {@code wait}; {@code timeout} bounds one attempt unless the URL sets its own. {@code vertx} is
     * asked for only by a flavor that needs an event loop.
     */
    Uni<Database> open(DatabaseUrl url, Supplier<Vertx> vertx, Duration wait, Duration timeout, Consumer<String> log);

    /**
     * The migration lock that fits the database {@code url} names, not yet taken; {@code connect}
     * opens a session of the lock's own where the lock needs one.
     */
    Uni<MigrationLock> lock(DatabaseUrl url, VersionTable versions, Supplier<Uni<Database>> connect);

    /** Reads a live database's catalog into a schema. */
    Inspector inspector(InspectOptions options);
}
