package dev.migrate.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import dev.migrate.MigrateException;
import dev.migrate.config.Config;
import dev.migrate.dialect.Dialect;
import dev.migrate.diff.ColumnComparison;
import dev.migrate.diff.Diff;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.Migrator;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.interrupt.Interruption;
import dev.migrate.engine.offline.OfflineMigrator;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.graph.VersionChange;
import dev.migrate.inspect.InspectOptions;
import dev.migrate.inspect.Inspection;
import dev.migrate.lint.TableSizes;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The operations on a database's revisions, apart from how they are asked for and how their
 * answer is shown: {@code upgrade}, {@code downgrade}, {@code current}, {@code stamp}, the
 * comparison of {@code check}, {@code inspect}, {@code validate}, {@code history --applied},
 * {@code ensure-version}, what {@code lint} reads, and the {@code --sql} scripts. The command line
 * and the Java API run these and nothing below them; each prints nothing and sends its progress
 * lines to the environment's log.
 */
public final class Application {
    private final Environment env;

    public Application(Environment env) {
        this.env = env;
    }

    /**
     * What an upgrade or downgrade did.
     *
     * @param before the version table's rows before it
     * @param steps the steps it ran, in order (empty when the database was already at the target)
     * @param current the version table's rows afterwards
     * @param millis how long each of {@code steps} took, in the same order
     */
    public record Migrated(List<String> before, List<Step> steps, List<String> current, List<Long> millis) {
        public Migrated {
            before = List.copyOf(before);
            steps = List.copyOf(steps);
            current = List.copyOf(current);
            millis = List.copyOf(millis);
            if (millis.size() != steps.size()) throw new IllegalArgumentException(steps.size() + " steps, " + millis.size() + " timings");
        }
    }

    /** Applies the revisions between the database's heads and {@code target} (head, +N, a revision, ...). */
    public Uni<Migrated> upgrade(String target, StopRequest stop) {
        return migrate("upgrade", target, (graph, current) -> graph.upgrade(current, target), stop.interruption());
    }

    /** Reverts revisions down to {@code target} (-1, base, a revision, ...). */
    public Uni<Migrated> downgrade(String target, StopRequest stop) {
        return migrate("downgrade", target, (graph, current) -> graph.downgrade(current, target), stop.interruption());
    }

    /**
     * The shared path of upgrade and downgrade: read the heads and plan; when there is work, take the
     * migration lock, read the heads and plan again, warn about applied files that changed, run.
     * A database already where the target says costs one connection and one query; the changed-files
     * warning, which reads the history table, is only given when there is work, as {@code validate}
     * is the command that checks a database at rest.
     */
    private Uni<Migrated> migrate(String verb, String target, BiFunction<RevisionMap, List<String>, List<Step>> plan,
                                  Interruption interruption) {
        return Uni.createFrom().deferred(() -> {
            RevisionMap graph = env.graph();
            VersionTable versions = env.versionTable();
            boolean perRevision = env.config().transactionPerMigration();
            HistoryTable history = env.historyTable();
            AtomicReference<List<String>> seen = new AtomicReference<>(List.of());
            return env.withLockedDatabase(heads -> {
                seen.set(heads);
                return !plan.apply(graph, heads).isEmpty();
            }, () -> new Migrated(seen.get(), List.of(), seen.get(), List.of()), (db, current) -> {
                List<Step> steps = plan.apply(graph, current);
                if (steps.isEmpty()) return Uni.createFrom().item(new Migrated(current, List.of(), current, List.of()));
                List<Long> millis = Collections.synchronizedList(new ArrayList<>());
                return ChangedFiles.warn(env, db, history).flatMap(v -> {
                    env.log("Migrating " + db.describe() + " (" + steps.size() + " revision" + (steps.size() == 1 ? "" : "s") + ")");
                    return new Migrator(db, env.dialect(), versions, history, perRevision, env::script, env::log,
                            env.config().ddlLock()).onStepDone((step, ms) -> millis.add(ms)).run(steps);
                }).map(done -> new Migrated(current, done, after(current, done), millis));
            }, interruption).invoke(done -> {
                if (done.steps().isEmpty()) env.log("Nothing to " + verb + ": the database is already at " + target + ".");
            });
        });
    }

    /** The version rows once {@code steps} have run from {@code current}: no query needed. */
    private static List<String> after(List<String> current, List<Step> steps) {
        List<String> rows = new ArrayList<>(current);
        for (Step step : steps) {
            for (VersionChange change : step.changes()) {
                if (change instanceof VersionChange.Insert) {
                    rows.add(((VersionChange.Insert) change).id());
                } else if (change instanceof VersionChange.Delete) {
                    rows.remove(((VersionChange.Delete) change).id());
                } else {
                    VersionChange.Update u = (VersionChange.Update) change;
                    rows.set(rows.indexOf(u.from()), u.to());
                }
            }
        }
        return rows;
    }

    /** The revisions in the version table. Never creates the table: a database without one is at base. */
    public Uni<List<String>> current() {
        return Uni.createFrom().deferred(() -> {
            VersionTable versions = env.versionTable();
            return env.withDatabase(versions::heads);
        });
    }

    /** The history table's name, schema-qualified as the log shows it, or null when {@code history_table} is null: nothing is logged. */
    public String historyTableName() {
        HistoryTable history = env.historyTable();
        return history == null ? null : history.qualifiedName();
    }

    /**
     * {@code history --applied}: every step the history table logged, newest first; none when the
     * table does not exist yet. Only asked when {@link #historyTableName()} is not null.
     */
    public Uni<List<HistoryRow>> appliedLog() {
        return Uni.createFrom().deferred(() -> {
            HistoryTable history = env.historyTable();
            return env.withDatabase(db -> history.entries(db).map(HistoryRow::of));
        });
    }

    /**
     * {@code validate}: the version table's rows and the history table's applied rows, read in one
     * session, compared with the revision files. Only asked when {@link #historyTableName()} is not null.
     */
    public Uni<Validation> validate() {
        return Uni.createFrom().deferred(() -> {
            HistoryTable history = env.historyTable();
            ScriptDirectory scripts = env.scripts();
            VersionTable versions = env.versionTable();
            record Found(List<String> heads, List<HistoryRow> applied) {
            }
            return env.withDatabase(db -> versions.heads(db).flatMap(heads -> history.applied(db)
                            .map(rows -> new Found(heads, HistoryRow.of(rows)))))
                    .map(found -> Validation.of(env.graph(), scripts, found.heads(), found.applied()));
        });
    }

    /**
     * {@code ensure-version}: creates the version table, and the history table unless
     * {@code history_table} is null, when they are missing (creating a SQLite file that is), and
     * says on the log that they are present.
     */
    public Uni<Void> ensureVersion() {
        return Uni.createFrom().deferred(() -> {
            VersionTable versions = env.versionTable();
            HistoryTable history = env.historyTable();
            return env.withDatabase(db -> versions.create(db).flatMap(v -> history == null ? Uni.createFrom().voidItem() : history.create(db)))
                    .invoke(() -> env.log("Version table " + versions.qualifiedName() + " is present"
                            + (history == null ? "." : ", and history table " + history.qualifiedName() + ".")));
        });
    }

    /**
     * What {@code lint} reads from the database before it looks at the revisions.
     *
     * @param current the version table's rows
     * @param sizes how big the tables are, for the findings that depend on it
     */
    public record Measured(List<String> current, TableSizes sizes) {
        public Measured {
            current = List.copyOf(current);
        }
    }

    /** The version rows and the table sizes, read in one session. */
    public Uni<Measured> measure() {
        return Uni.createFrom().deferred(() -> {
            VersionTable versions = env.versionTable();
            return env.withDatabase(db -> versions.heads(db).flatMap(heads -> TableSizes.read(db).map(s -> new Measured(heads, s))));
        });
    }

    /**
     * Writes the version table to {@code targets} without running any revision, under the lock;
     * {@code purge} empties it first, whatever it holds. Gives the rows written.
     */
    public Uni<List<String>> stamp(List<String> targets, boolean purge, StopRequest stop) {
        return Uni.createFrom().deferred(() -> {
            RevisionMap graph = env.graph();
            VersionTable versions = env.versionTable();
            return env.withLockedDatabase(null, null, (db, current) -> {
                List<String> next = graph.stamp(current, targets, purge);
                List<VersionChange> toApply = stampChanges(purge ? List.of() : current, next);
                return new Migrator(db, env.dialect(), versions, env.config().transactionPerMigration(), env::script, env::log)
                        .stamp(toApply, purge).map(v -> next);
            }, stop.interruption()).invoke(after -> env.log("Stamped " + (after.isEmpty() ? "<base>" : String.join(", ", after))));
        });
    }

    /** The row changes from {@code current} to {@code next}: deletes first, then inserts. */
    public static List<VersionChange> stampChanges(List<String> current, List<String> next) {
        List<VersionChange> changes = new ArrayList<>();
        for (String id : current) if (!next.contains(id)) changes.add(new VersionChange.Delete(id));
        for (String id : next) if (!current.contains(id)) changes.add(new VersionChange.Insert(id));
        return changes;
    }

    /**
     * What {@code revision --autogenerate} and {@code check} share: read the target schema, require
     * the database at head (a comparison with a database behind would write again what a pending
     * revision already does), inspect it and compare.
     */
    public Uni<Diff> compare() {
        return Uni.createFrom().deferred(() -> compare(targetSchema(env.config())));
    }

    /** The target schema file the configuration names, read and checked. */
    public static Schema targetSchema(Config c) {
        Path file = c.targetSchema();
        if (file == null || !Files.isRegularFile(file)) {
            throw new MigrateException("the target schema " + file + " does not exist: write it (migrate inspect prints "
                    + "the database's schema in that form) or point the target_schema setting at it");
        }
        return SchemaReader.read(file);
    }

    /**
     * {@code upgrade --sql}: the SQL script that brings a database at the range's start to its end,
     * without a database; empty when there is nothing to do. {@code dialect} is a known dialect's
     * name, or null for the configured URL's (which is parsed, never connected to).
     */
    public Optional<String> offlineUpgrade(String dialect, SqlRange range) {
        return offlineMigrate(dialect, range, "upgrade", (graph, start) -> graph.upgrade(start, range.end()));
    }

    /** {@code downgrade --sql}: as {@link #offlineUpgrade}, down from the range's start to its end. */
    public Optional<String> offlineDowngrade(String dialect, SqlRange range) {
        return offlineMigrate(dialect, range, "downgrade", (graph, start) -> graph.downgrade(start, range.end()));
    }

    /**
     * Plans the steps from the range's start and writes their script, saying on the log when there
     * was nothing to do. The revisions before the start are replayed into the offline model first,
     * so a SQLite rebuild knows its table.
     */
    private Optional<String> offlineMigrate(String dialectName, SqlRange range, String verb,
                                            BiFunction<RevisionMap, List<String>, List<Step>> plan) {
        Dialect dialect = offlineDialect(dialectName);
        RevisionMap graph = env.graph();
        List<String> start = range.startRows(graph);
        List<Step> steps = plan.apply(graph, start);
        if (steps.isEmpty()) {
            env.log("Nothing to " + verb + ": from " + range.start() + " the database is already at " + range.end() + ".");
            return Optional.empty();
        }
        env.log("Generating " + dialect.name() + " SQL (" + steps.size() + " revision" + (steps.size() == 1 ? "" : "s") + ")");
        OfflineMigrator migrator = offline(dialect);
        migrator.replay(SqlRange.stepsTo(graph, start));
        return Optional.of(migrator.migrate(start, steps));
    }

    /**
     * {@code stamp --sql}: the SQL script that changes the version rows from those {@code start}
     * names (null: base) to {@code targets}; {@code dialect} as for {@link #offlineUpgrade}.
     */
    public String offlineStamp(String dialectName, String start, List<String> targets, boolean purge) {
        Dialect dialect = offlineDialect(dialectName);
        RevisionMap graph = env.graph();
        List<String> current = new SqlRange(start == null ? "base" : start, "").startRows(graph);
        List<String> next = graph.stamp(current, targets, purge);
        env.log("Generating " + dialect.name() + " SQL to stamp " + (next.isEmpty() ? "<base>" : String.join(", ", next)));
        return offline(dialect).stamp(current, stampChanges(purge ? List.of() : current, next), purge);
    }

    /** The dialect an offline script is written in: the one named, else the configured URL's. */
    private Dialect offlineDialect(String name) {
        return name == null ? env.dialect() : Flavors.dialect(name);
    }

    private OfflineMigrator offline(Dialect dialect) {
        Config c = env.config();
        return new OfflineMigrator(dialect, env.versionTable(dialect), env.historyTable(dialect),
                c.transactionPerMigration(), env::script, env::log, c.ddlLock());
    }

    /**
     * The live database's catalog as the schema model ({@code migrate inspect}), the schemas the
     * configuration includes, without the tool's own tables. What the schema cannot say goes to
     * the log, one warning each, as {@link #compare()} reports it.
     */
    public Uni<Schema> inspect() {
        return Uni.createFrom().deferred(() -> {
            InspectOptions options = inspectOptions();
            return env.withDatabase(db -> env.flavor().inspector(options).inspect(db)).map(found -> {
                for (String warning : found.warnings()) env.log("warning: " + warning);
                return found.schema();
            });
        });
    }

    /** What inspect and compare read: the configured schemas, the tool's own version and history tables left out. */
    private InspectOptions inspectOptions() {
        Config c = env.config();
        List<String> own = new ArrayList<>();
        own.add(c.versionTable());
        if (c.historyTable() != null) own.add(c.historyTable());
        return new InspectOptions(c.includeSchemas(), c.versionTableSchema(), own);
    }

    /** {@link #compare()} with the target schema already read: several databases compared with one file read once. */
    public Uni<Diff> compare(Schema target) {
        return Uni.createFrom().deferred(() -> {
            Config c = env.config();
            InspectOptions options = inspectOptions();
            RevisionMap graph = env.graph();
            VersionTable versions = env.versionTable();
            ColumnComparison columns = new ColumnComparison(env.dialect(), c.compareType(), c.compareServerDefault());
            record Found(List<String> current, Inspection inspection) {
            }
            return env.withDatabase(db -> versions.heads(db)
                            .flatMap(heads -> env.flavor().inspector(options).inspect(db).map(i -> new Found(heads, i))))
                    // The comparison is work for a worker thread, never for an event loop an application may share.
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(found -> {
                        if (!graph.atHeads(found.current())) {
                            throw new MigrateException("Target database is not up to date: it is at "
                                    + (found.current().isEmpty() ? "<base>" : String.join(", ", found.current()))
                                    + ", the heads are " + String.join(", ", graph.heads()) + "; upgrade it to head first"
                                    + " (migrate upgrade head), so the comparison does not repeat what a pending revision does");
                        }
                        for (String warning : found.inspection().warnings()) env.log("warning: " + warning);
                        return SchemaDiff.compare(found.inspection().schema(), target, columns);
                    });
        });
    }
}
