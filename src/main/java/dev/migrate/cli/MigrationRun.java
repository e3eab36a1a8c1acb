package dev.migrate.cli;

import java.util.function.BiFunction;

import dev.migrate.MigrateException;
import dev.migrate.core.Application;
import dev.migrate.core.SqlRange;
import dev.migrate.core.StopRequest;
import io.smallrye.mutiny.Uni;

/**
 * The path the commands that change the version table share (those of {@link MigrationOptions}):
 * upgrade and downgrade whole, one direction or the other, and the online run stamp takes too.
 */
final class MigrationRun {
    private MigrationRun() {
    }

    /** {@code upgrade} or {@code downgrade} ({@code verb}) to {@code target}: printed with {@code --sql}, else run. */
    static int migrate(MigrateCommand root, SqlOptions sql, String verb, String target) {
        boolean up = verb.equals("upgrade");
        if (sql.offline(verb)) {
            // Downgrade cannot start from base: with no database to read, its start must be given.
            SqlRange range = SqlRange.parse(target, verb, !up);
            Workspace ws = root.workspace();
            String dialect = sql.dialect();
            Application ops = ws.operations();
            (up ? ops.offlineUpgrade(dialect, range) : ops.offlineDowngrade(dialect, range))
                    .ifPresent(script -> SqlOptions.print(ws, script));
            return 0;
        }
        refuseRange(verb, target);
        Workspace ws = root.workspace();
        if (ws.several()) return MigratedSummary.run(ws, verb, target);
        JsonResults.Timed<Application.Migrated> run = one(ws, (ops, stop) -> up
                ? ops.upgrade(target, stop) : ops.downgrade(target, stop));
        if (ws.json()) JsonResults.migrated(ws, verb, target, run);
        return 0;
    }

    /** A {@code START:TARGET} range is for {@code --sql} only: online, the start is what the database holds. */
    static void refuseRange(String command, String target) {
        if (target.contains(":")) {
            throw MigrateException.usage(command + ": a range (" + target + ") is only allowed with --sql; online, the"
                    + " start is what the database holds");
        }
    }

    /** Runs {@code operation} on the one database, SIGINT and SIGTERM stopping it cleanly, timed for {@code --json}. */
    static <T> JsonResults.Timed<T> one(Workspace ws, BiFunction<Application, StopRequest, Uni<T>> operation) {
        return JsonResults.timed(() -> ws.interruptible(stop -> operation.apply(ws.operations(), stop)));
    }
}
