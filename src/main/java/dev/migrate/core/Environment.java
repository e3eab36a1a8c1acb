package dev.migrate.core;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.migrate.config.Config;
import dev.migrate.config.ConfiguredUrl;
import dev.migrate.config.DatabaseUrl;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Database;
import dev.migrate.engine.DatabaseRefused;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.StatementFailed;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.interrupt.Interruption;
import dev.migrate.engine.lock.LockedRun;
import dev.migrate.flavor.Flavor;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.RevisionScript;
import dev.migrate.revision.ScriptDirectory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * What an operation needs, each built on first use: the settings, the revision files, the graph,
 * the database sessions. One per command-line run or per {@code Migrate} instance. A caller that
 * only reads files never opens a connection, and a SQLite run never asks for Vert.x.
 */
public final class Environment {
    private final Config config;
    private final Map<String, String> xValues;
    private final Consumer<String> log;
    private final Supplier<Vertx> vertx;
    private ScriptDirectory scripts;
    private RevisionMap graph;

    /**
     * @param xValues the {@code -x} values that templates and SQL revisions read
     * @param log where progress lines go (never standard output: that is the command line's data)
     * @param vertx asked for only when a PostgreSQL session opens
     */
    public Environment(Config config, Map<String, String> xValues, Consumer<String> log, Supplier<Vertx> vertx) {
        this.config = config;
        this.xValues = Map.copyOf(xValues);
        this.log = log;
        this.vertx = vertx;
    }

    /**
     * An environment for the database {@code url} with these settings otherwise, sharing the
     * revision files and the graph (parsed now, once, if they were not yet): what a run over many
     * databases builds for each of them. {@code log} receives that database's progress lines.
     */
    public Environment forDatabase(ConfiguredUrl url, Consumer<String> log) {
        Environment other = new Environment(config.withUrl(url), xValues, log, vertx);
        other.scripts = scripts();
        other.graph = graph();
        return other;
    }

    public Config config() {
        return config;
    }

    public Map<String, String> xValues() {
        return xValues;
    }

    public void log(String line) {
        log.accept(line);
    }

    /** The configured URL, parsed (never connected to). */
    public DatabaseUrl url() {
        return config.databaseUrl(Flavors::parse);
    }

    /** The flavor of the configured database. */
    public Flavor flavor() {
        return Flavors.of(url());
    }

    public Dialect dialect() {
        return flavor().dialect();
    }

    public synchronized ScriptDirectory scripts() {
        if (scripts == null) scripts = ScriptDirectory.load(config.versionLocations(), xValues);
        return scripts;
    }

    public RevisionScript script(String id) {
        return scripts().byId(id);
    }

    public synchronized RevisionMap graph() {
        if (graph == null) graph = new RevisionMap(scripts().revisions());
        return graph;
    }

    public VersionTable versionTable() {
        return versionTable(dialect());
    }

    /** The version table written in {@code dialect} (offline SQL may target another dialect than the URL's). */
    public VersionTable versionTable(Dialect dialect) {
        return new VersionTable(config.versionTableSchema(), config.versionTable(), dialect);
    }

    /** The history table the configuration names, or null when {@code history_table} is null. */
    public HistoryTable historyTable() {
        return historyTable(dialect());
    }

    /** The same, written in {@code dialect}. */
    public HistoryTable historyTable(Dialect dialect) {
        String name = config.historyTable();
        return name == null ? null : new HistoryTable(config.versionTableSchema(), name, ToolVersion.get(), dialect);
    }

    /** One session, retried while the server is not up for as long as connect.wait says. */
    public Uni<Database> connect() {
        return Flavors.open(url(), vertx, config.connectWait(), config.connectTimeout(), log);
    }

    /**
     * Opens the database, runs {@code work}, and closes it whatever happens (a {@code work} that
     * throws before returning its Uni included).
     */
    public <T> Uni<T> withDatabase(Function<Database, Uni<T>> work) {
        return connect().flatMap(db -> Uni.createFrom().deferred(() -> work.apply(db)).onTermination().call(db::close))
                .onFailure(StatementFailed.class).transform(this::named);
    }

    /** A refusal of a statement the tool sent itself, naming the database it came from. */
    private Throwable named(Throwable e) {
        return DatabaseRefused.of(url().describe(), (StatementFailed) e);
    }

    /**
     * Like {@link #withDatabase} under the migration lock, for the operations that change the
     * database: first reads the heads without the lock and gives {@code idle} when {@code needsWork}
     * (null: always) finds nothing to do; otherwise {@code work} runs with the heads read again once
     * the lock is taken. {@code interruption} stops it cleanly (see {@link LockedRun}).
     */
    public <T> Uni<T> withLockedDatabase(Predicate<List<String>> needsWork, Supplier<T> idle,
                                         BiFunction<Database, List<String>, Uni<T>> work, Interruption interruption) {
        return Uni.createFrom().deferred(() -> new LockedRun(() -> flavor().lock(url(), versionTable(), this::connect), versionTable(), config.lockTimeout(), this::connect,
                interruption, log).run(needsWork, idle, work)).onFailure(StatementFailed.class).transform(this::named);
    }
}
