package dev.migrate.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.migrate.MigrateException;
import dev.migrate.config.Config;
import dev.migrate.config.ConfigLoader;
import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.Durations;
import dev.migrate.config.XArgs;
import dev.migrate.core.Environment;
import dev.migrate.core.Application;
import dev.migrate.core.Flavors;
import dev.migrate.core.StopRequest;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.RevisionScript;
import dev.migrate.revision.RevisionWriter;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.schema.Schema;
import io.smallrye.mutiny.Uni;

/**
 * Everything a command needs, each built on first use: the configuration with the command line's
 * options applied, then the {@link Environment} (revision files, graph, database) the operations
 * share with the Java API. A command that only reads files never opens a connection, and a
 * SQLite run never uses Vert.x.
 */
final class Workspace {
    private final RunOptions options;
    private final VertxHolder vertx;
    private Config settings;
    private Config config;
    private Environment environment;
    /** What the databases of a run over several share: the revision files and their graph. */
    private Environment shared;
    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
    /** The progress bar on a terminal, null elsewhere. */
    private final ProgressBar bar;

    Workspace(RunOptions options, VertxHolder vertx) {
        this.options = options;
        this.vertx = vertx;
        this.bar = ProgressBar.wanted(options.quiet()) ? new ProgressBar(System.err) : null;
    }

    /**
     * The settings for the one database of the command: refused when the options name several,
     * which only {@value DatabaseTargets#COMMANDS} accept (see {@link #targets()}).
     */
    Config config() {
        if (DatabaseTargets.given(options)) {
            throw MigrateException.usage((options.urlFile() != null ? "--url-file is" : "--url is given " + options.urls().size() + " times;")
                    + " only " + DatabaseTargets.COMMANDS + " run against several databases (never with --sql):"
                    + " give this command one --url");
        }
        if (config == null) {
            config = options.urls().isEmpty() ? settings() : settings().withUrl(options.urls().get(0));
        }
        return config;
    }

    /** The configuration with the command line's options applied, apart from the database. */
    private Config settings() {
        if (settings == null) {
            Config loaded = new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath()).load(options.config());
            Config withWait = options.connectWait() != null ? loaded.withConnectWait(duration("--wait", options.connectWait())) : loaded;
            Config withLock = options.lockTimeout() != null
                    ? withWait.withLockTimeout(duration("--lock-timeout", options.lockTimeout())) : withWait;
            settings = options.ddlLockTimeout() != null
                    ? withLock.withDdlLock(withLock.ddlLock().withLockTimeout(limit("--ddl-lock-timeout", options.ddlLockTimeout())))
                    : withLock;
        }
        return settings;
    }

    /** Whether a command that accepts several databases runs against several: then it asks {@link #targets()}. */
    boolean several() {
        return DatabaseTargets.several(options, settings());
    }

    /** The databases of a run over several, in the order given, each URL already checked. */
    List<DatabaseTargets.Target> targets() {
        return DatabaseTargets.of(options, settings());
    }

    /** The graph the databases of a run over several share. */
    RevisionMap sharedGraph() {
        return shared().graph();
    }

    private Environment shared() {
        if (shared == null) shared = new Environment(settings(), xValues(), this::log, vertx::get);
        return shared;
    }

    /** The target schema of {@code check}, read once: the same for every database of a run over several. */
    Schema targetSchema() {
        return Application.targetSchema(settings());
    }

    /** How many databases of a run over several run at once. */
    int concurrency() {
        return options.concurrency();
    }

    /**
     * The environment of one database of a run over several: the revision files and graph shared
     * with every other (parsed once); its progress lines shown with -v only, after its name, as
     * hundreds of databases interleaving theirs would be unreadable; its warnings always.
     */
    Environment environment(DatabaseTargets.Target target) {
        return shared().forDatabase(target.url(), line -> {
            if (options.verbose() || line.regionMatches(true, 0, "warning:", 0, 8)) log(target.name() + ": " + line);
        });
    }

    private static Duration duration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw MigrateException.usage(option + ": " + e.getMessage());
        }
    }

    /** A limit that {@code off} turns off: for the option of a setting that takes one. */
    private static Duration limit(String option, String text) {
        return text.trim().equalsIgnoreCase("off") ? Duration.ZERO : duration(option, text);
    }

    /** The core the operations share with the Java API, built on first use from {@link #config()}. */
    Environment environment() {
        if (environment == null) environment = new Environment(config(), xValues(), this::log, vertx::get);
        return environment;
    }

    Application operations() {
        return new Application(environment());
    }

    DatabaseUrl url() {
        return config().databaseUrl(Flavors::parse);
    }

    ScriptDirectory scripts() {
        return environment().scripts();
    }

    RevisionScript script(String id) {
        return environment().script(id);
    }

    RevisionMap graph() {
        return environment().graph();
    }

    /**
     * Runs an operation that only reads the database and waits for it; a SQLite file that does not
     * exist is refused first (see {@link #requireExisting()}).
     */
    <T> T read(Function<Application, Uni<T>> operation) {
        requireExisting();
        return await(operation.apply(operations()));
    }

    /**
     * Refuses a SQLite file that does not exist, for the commands that only read: opening it would
     * create an empty file, and a mistyped path would then read as a database at base.
     */
    void requireExisting() {
        DatabaseUrl url = url();
        Optional<Path> file = url.file();
        if (file.isPresent() && !Files.exists(file.get())) {
            // describe() names the file: "the SQLite database /srv/app.db does not exist"
            throw new MigrateException("the " + url.describe() + " does not exist (URL " + url.masked()
                    + " from " + config().url().source() + "): check the path; 'migrate upgrade' creates it");
        }
    }

    <T> T await(Uni<T> work) {
        return work.await().indefinitely();
    }

    /**
     * Runs an operation that changes the database and waits for it; SIGINT or SIGTERM stop it
     * cleanly through the {@link StopRequest} it is given.
     */
    <T> T interruptible(Function<StopRequest, Uni<T>> operation) {
        StopRequest stop = new StopRequest();
        return stop.guardCommand(System.err, () -> operation.apply(stop).await().indefinitely());
    }

    /**
     * Progress and logs: standard error, silenced by {@code -q}. Lines may come from event-loop
     * threads (connection retries, lock waits); they are written under the command's context class
     * loader so that whatever attributes console output to an application (Quarkus' test capture
     * does) attributes them to this run.
     */
    void log(String line) {
        if (options.quiet()) return;
        if (bar == null) {
            error(line);
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            bar.line(line);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Errors: standard error, even with {@code -q}; written as {@link #log} says. */
    void error(String line) {
        if (bar != null) bar.clear();
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
        return options.json();
    }

    /** Whether --url was given: the command line names a database, whatever the configuration says. */
    boolean urlGiven() {
        return !options.urls().isEmpty();
    }

    boolean verbose() {
        return options.verbose();
    }

    /** {@code message} with the {@code -x} values hidden, for an error printed by the command itself. */
    String hideValues(String message) {
        return HiddenValues.hide(message, options.x());
    }

    /** The {@code -x key=value} pairs. */
    Map<String, String> xValues() {
        return XArgs.parse(options.x());
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
