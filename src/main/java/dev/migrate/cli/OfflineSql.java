package dev.migrate.cli;

import java.util.List;
import java.util.function.BiFunction;

import dev.migrate.MigrateException;
import dev.migrate.core.Flavors;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.UnknownDialect;
import dev.migrate.engine.offline.SqlRange;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;

/**
 * The shared path of {@code upgrade --sql}, {@code downgrade --sql} and {@code stamp --sql}: no
 * connection, the dialect from {@code --dialect} or the URL's scheme, the script on standard output
 * and the progress lines on standard error.
 */
final class OfflineSql {
    private OfflineSql() {
    }

    /** {@code --dialect} without {@code --sql} is a mistake worth saying, not ignoring. */
    static void checkOptions(String command, boolean sql, String dialect) {
        if (dialect != null && !sql) {
            throw MigrateException.usage(command + ": --dialect only applies with --sql (an online run uses the"
                    + " database's own dialect)");
        }
    }

    /** The dialect named by {@code --dialect}, else the configured URL's (which is parsed, never connected to). */
    static Dialect dialect(Workspace ws, String option) {
        if (option == null) return ws.dialect();
        try {
            return Flavors.dialect(option);
        } catch (UnknownDialect e) {
            throw MigrateException.usage("--dialect: " + e.getMessage());
        }
    }

    /** Plans the steps from the range's start, writes their script, and says when there was nothing to do. */
    static void migrate(Workspace ws, String dialectOption, SqlRange range, String verb,
                        BiFunction<RevisionMap, List<String>, List<Step>> plan) {
        Dialect dialect = dialect(ws, dialectOption);
        RevisionMap graph = ws.graph();
        List<String> start = range.startRows(graph);
        List<Step> steps = plan.apply(graph, start);
        if (steps.isEmpty()) {
            ws.log("Nothing to " + verb + ": from " + range.start() + " the database is already at " + range.end() + ".");
            return;
        }
        ws.log("Generating " + dialect.name() + " SQL (" + steps.size() + " revision" + (steps.size() == 1 ? "" : "s") + ")");
        print(ws, ws.operations().offlineScript(dialect, start, steps));
    }

    static void print(Workspace ws, String script) {
        ws.out().print(script);
        ws.out().flush();
    }
}
