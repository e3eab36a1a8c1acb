package dev.migrate.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.migrate.MigrateException;
import dev.migrate.config.Config;
import dev.migrate.config.ConfigLoader;
import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.Durations;
import dev.migrate.config.XArgs;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Database;
import dev.migrate.engine.Databases;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.lock.Interruption;
import dev.migrate.engine.lock.LockedRun;
import dev.migrate.engine.lock.ShutdownSignal;
import dev.migrate.graph.RevisionMap;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.RevisionWriter;
import dev.migrate.script.ScriptDirectory;
import io.smallrye.mutiny.Uni;

/**
 * Everything a command needs, each built on first use: the configuration, the revision files,
 * the graph, the database. A command that only reads files never opens a connection, and a
 * SQLite run never uses Vert.x.
 */
final class Workspace {
    private final MigrateCommand options;
    private final VertxHolder vertx;
    private Config config;
    private ScriptDirectory scripts;
    private RevisionMap graph;
    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();

    Workspace(MigrateCommand options, VertxHolder vertx) {
        this.options = options;
        this.vertx = vertx;
    }

    Config config() {
        if (config == null) {
            Config loaded = new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath()).load(options.config);
            Config withUrl = options.url != null ? loaded.withUrl(options.url) : loaded;
            Config withWait = options.connectWait != null ? withUrl.withConnectWait(duration("--wait", options.connectWait)) : withUrl;
            config = options.lockTimeout != null
                    ? withWait.withLockTimeout(duration("--lock-timeout", options.lockTimeout)) : withWait;
        }
        return config;
    }

    private static Duration duration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw MigrateException.usage(option + ": " + e.getMessage());
        }
    }

    DatabaseUrl url() {
        return config().databaseUrl();
    }

    Dialect dialect() {
        return Dialect.named(url().dialect());
    }

    ScriptDirectory scripts() {
        if (scripts == null) scripts = ScriptDirectory.load(config().versionLocations(), xValues());
        return scripts;
    }

    RevisionScript script(String id) {
        return scripts().byId(id);
    }

    RevisionMap graph() {
        if (graph == null) graph = new RevisionMap(scripts().revisions());
        return graph;
    }

    VersionTable versionTable() {
        return versionTable(dialect());
    }

    /** The version table written in {@code dialect} (offline SQL may target another dialect than the URL's). */
    VersionTable versionTable(Dialect dialect) {
        return new VersionTable(config().versionTableSchema(), config().versionTable(), dialect);
    }

    /**
     * Opens the database, runs {@code work}, closes it whatever happens (a {@code work} that throws
     * before returning its Uni included), and waits for the result.
     */
    <T> T withDatabase(Function<Database, Uni<T>> work) {
        Uni<T> run = connect().flatMap(db -> Uni.createFrom().deferred(() -> work.apply(db)).onTermination().call(db::close));
        return run.await().indefinitely();
    }

    /**
     * Like {@link #withDatabase} under the migration lock, for the commands that change the database:
     * {@code work} runs with the heads once the lock is taken, and SIGINT or SIGTERM stop it cleanly.
     */
    <T> T withLockedDatabase(BiFunction<Database, List<String>, Uni<T>> work) {
        return withLockedDatabase(null, null, work);
    }

    /**
     * Like {@link #withLockedDatabase(BiFunction)}, but first reads the heads without the lock and
     * gives {@code idle} when {@code needsWork} finds nothing to do: no lock, one query.
     */
    <T> T withLockedDatabase(Predicate<List<String>> needsWork, Supplier<T> idle, BiFunction<Database, List<String>, Uni<T>> work) {
        Interruption interruption = new Interruption();
        LockedRun run = new LockedRun(url(), versionTable(), config().lockTimeout(), this::connect, interruption, this::log);
        return ShutdownSignal.guard(interruption, System.err, () -> run.run(needsWork, idle, work).await().indefinitely());
    }

    /** One session, retried while the server is not up for as long as connect.wait says. */
    private Uni<Database> connect() {
        Config c = config();
        return Databases.open(url(), vertx::get, c.connectWait(), c.connectTimeout(), this::log);
    }

    /**
     * Progress and logs: standard error, silenced by {@code -q}. Lines may come from event-loop
     * threads (connection retries, lock waits); they are written under the command's context class
     * loader so that whatever attributes console output to an application (Quarkus' test capture
     * does) attributes them to this run.
     */
    void log(String line) {
        if (options.quiet) return;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            System.err.println(line);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Data: standard output. */
    PrintStream out() {
        return System.out;
    }

    boolean json() {
        return options.json;
    }

    boolean verbose() {
        return options.verbose;
    }

    /** The {@code -x key=value} pairs. */
    Map<String, String> xValues() {
        return XArgs.parse(options.x);
    }

    /** Writes new revision files the way the configuration says (file_template, timezone, templates). */
    RevisionWriter writer() {
        Config c = config();
        return new RevisionWriter(new RevisionWriter.Settings(c.fileTemplate(), c.truncateSlugLength(), c.timezone(),
                c.scriptLocation(), xValues()));
    }

    /** Every revision id already used, so a new one cannot clash. */
    Set<String> revisionIds() {
        Set<String> ids = new HashSet<>();
        for (RevisionScript s : scripts().scripts()) ids.add(s.id());
        return ids;
    }
}
