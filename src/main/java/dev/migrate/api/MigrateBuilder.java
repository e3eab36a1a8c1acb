package dev.migrate.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.migrate.MigrateException;
import dev.migrate.config.Config;
import dev.migrate.config.ConfigLoader;
import dev.migrate.config.ConfiguredUrl;
import dev.migrate.config.XArgs;
import dev.migrate.core.Environment;
import dev.migrate.core.Flavors;
import dev.migrate.core.LazyVertx;
import io.vertx.mutiny.core.Vertx;

/**
 * The settings of a {@link Migrate}: those of a {@code migrate.yaml} given to {@link #config(Path)},
 * else the defaults a missing file gives (the URL from {@code $DATABASE_URL}, the revisions under
 * {@code migrations/versions}), each overridden by the methods called here, as the command line's
 * options override the file. Relative paths given here are taken from the working folder.
 */
public final class MigrateBuilder {
    private Path configFile;
    private Map<String, String> environment = System.getenv();
    private String url;
    private Path scriptLocation;
    private List<Path> versionLocations;
    private String versionTable;
    private String versionTableSchema;
    private boolean versionTableSchemaSet;
    private String historyTable;
    private boolean historyTableSet;
    private Boolean transactionPerMigration;
    private Duration lockTimeout;
    private Duration connectWait;
    private Duration connectTimeout;
    private Path targetSchema;
    private final List<String> xPairs = new ArrayList<>();
    private Consumer<String> progress = line -> { };
    private Vertx vertx;
    private boolean shutdownSignals;

    MigrateBuilder() {
    }

    /** Reads the settings from this {@code migrate.yaml}, with {@code ${VAR}} expanded as the command line does. */
    public MigrateBuilder config(Path file) {
        this.configFile = Objects.requireNonNull(file, "file");
        return this;
    }

    /** The variables {@code ${VAR}} and libpq's {@code PGPASSWORD}... are read from (default: the process environment). */
    public MigrateBuilder environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** The database URL ({@code postgresql://...}, {@code sqlite:///app.db}); overrides the file and {@code $DATABASE_URL}. */
    public MigrateBuilder url(String url) {
        this.url = Objects.requireNonNull(url, "url");
        return this;
    }

    /** The migration environment folder; its {@code versions} folder holds the revisions unless {@link #versionLocations} says otherwise. */
    public MigrateBuilder scriptLocation(Path folder) {
        this.scriptLocation = absolute(folder);
        return this;
    }

    /** The folders holding revision files. */
    public MigrateBuilder versionLocations(Path... folders) {
        if (folders.length == 0) throw new IllegalArgumentException("versionLocations needs at least one folder");
        List<Path> out = new ArrayList<>();
        for (Path f : folders) out.add(absolute(f));
        this.versionLocations = out;
        return this;
    }

    /** The version table's name (default {@code alembic_version}). */
    public MigrateBuilder versionTable(String name) {
        this.versionTable = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The version table's schema; null for the session's default one. */
    public MigrateBuilder versionTableSchema(String schema) {
        this.versionTableSchema = schema;
        this.versionTableSchemaSet = true;
        return this;
    }

    /** The history table's name (default {@code migrate_history}); null keeps no history. */
    public MigrateBuilder historyTable(String name) {
        this.historyTable = name;
        this.historyTableSet = true;
        return this;
    }

    /** One transaction per revision (default), or one for the whole run. */
    public MigrateBuilder transactionPerMigration(boolean perRevision) {
        this.transactionPerMigration = perRevision;
        return this;
    }

    /** How long upgrade, downgrade and stamp wait for the migration lock (default 60s). */
    public MigrateBuilder lockTimeout(Duration timeout) {
        this.lockTimeout = nonNegative(timeout, "lockTimeout");
        return this;
    }

    /** How long to keep retrying while the database is not up (default 0: one attempt). */
    public MigrateBuilder connectWait(Duration wait) {
        this.connectWait = nonNegative(wait, "connectWait");
        return this;
    }

    /** How long one connection attempt may take (default 10s). */
    public MigrateBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = nonNegative(timeout, "connectTimeout");
        return this;
    }

    /** The schema file {@link Migrate#check()} compares the database with (default {@code <script location>/schema.yaml}). */
    public MigrateBuilder targetSchema(Path file) {
        this.targetSchema = absolute(file);
        return this;
    }

    /** A value that templates and SQL revisions read as {@code ${x.KEY}}, as {@code -x KEY=VALUE} gives. */
    public MigrateBuilder x(String key, String value) {
        xPairs.add(Objects.requireNonNull(key, "key") + "=" + Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Where the progress lines go ("Running upgrade a1 -> b2, ...", waiting for the lock or the
     * database); default: nowhere. Called from any thread, event loops included: it must not block.
     */
    public MigrateBuilder progress(Consumer<String> sink) {
        this.progress = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /**
     * The Vert.x that PostgreSQL sessions run on, for an application that has one (Quarkus); it is
     * never closed here. Without it, one is created on the first PostgreSQL session and closed by
     * {@link Migrate#close()}; SQLite never needs one.
     */
    public MigrateBuilder vertx(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        return this;
    }

    /**
     * Whether the blocking methods ({@code upgradeAndAwait}, {@code downgradeAndAwait},
     * {@code stampAndAwait}) handle SIGINT and SIGTERM while they run, as the command line does:
     * the run rolls back and releases its lock, then fails with {@code RunInterrupted} (exit status
     * 130 or 143). While such a run is going the signals reach neither the JVM's shutdown hooks nor
     * a handler of the application's; the previous handlers are put back once the last such run
     * ends, and the signal is not passed on: the application, given {@code RunInterrupted},
     * decides whether to stop. The process is never exited here, not even for a run that cannot
     * stop (the command line exits after 10 seconds). Default false: an application's own shutdown
     * handling stays in charge.
     */
    public MigrateBuilder handleShutdownSignals(boolean handle) {
        this.shutdownSignals = handle;
        return this;
    }

    /**
     * The instance, with its settings read and checked now (no connection is made).
     *
     * @throws ConfigurationException when the file is missing or wrong, or the URL malformed
     */
    public Migrate build() {
        Config config;
        Map<String, String> x;
        try {
            ConfigLoader loader = new ConfigLoader(environment, Path.of("").toAbsolutePath());
            Config base = configFile == null ? loader.defaults() : loader.load(configFile, "Migrate.fromConfig");
            config = overridden(base);
            // A malformed URL is found now, not at the first operation.
            config.databaseUrl(Flavors::parse);
            x = XArgs.parse(xPairs);
        } catch (MigrateException e) {
            throw new ConfigurationException(e);
        }
        LazyVertx own = vertx == null ? new LazyVertx() : null;
        Vertx given = vertx;
        Environment env = new Environment(config, x, progress, own != null ? own : () -> given);
        return new Migrate(env, own, shutdownSignals);
    }

    private Config overridden(Config c) {
        Path location = scriptLocation != null ? scriptLocation : c.scriptLocation();
        List<Path> versions = versionLocations != null ? versionLocations
                : c.versionLocations().equals(List.of(c.scriptLocation().resolve("versions"))) ? List.of(location.resolve("versions"))
                : c.versionLocations();
        Path target = targetSchema != null ? targetSchema
                : c.scriptLocation().resolve("schema.yaml").equals(c.targetSchema()) ? location.resolve("schema.yaml")
                : c.targetSchema();
        return new Config(c.configFile(), c.baseDir(), c.workDir(), c.environment(), location,
                url != null ? new ConfiguredUrl(url, "MigrateBuilder.url") : c.url(), versions, c.fileTemplate(),
                c.truncateSlugLength(), c.timezone(), versionTable != null ? versionTable : c.versionTable(),
                versionTableSchemaSet ? versionTableSchema : c.versionTableSchema(),
                historyTableSet ? historyTable : c.historyTable(),
                transactionPerMigration != null ? transactionPerMigration : c.transactionPerMigration(),
                lockTimeout != null ? lockTimeout : c.lockTimeout(), connectWait != null ? connectWait : c.connectWait(),
                connectTimeout != null ? connectTimeout : c.connectTimeout(), target, c.compareType(),
                c.compareServerDefault(), c.includeSchemas(), c.databases(), c.ddlLock());
    }

    private static Path absolute(Path p) {
        return Objects.requireNonNull(p, "path").toAbsolutePath().normalize();
    }

    private static Duration nonNegative(Duration d, String name) {
        if (Objects.requireNonNull(d, name).isNegative()) throw new IllegalArgumentException(name + " must not be negative");
        return d;
    }
}
