package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.migrate.Json;
import dev.migrate.MigrateException;
import dev.migrate.core.Environment;
import dev.migrate.core.Operations;
import dev.migrate.engine.lock.Interruption;
import dev.migrate.engine.lock.RunInterrupted;
import dev.migrate.engine.lock.ShutdownSignal;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A command run against several databases at once: at most {@code --concurrency} at a time, each
 * with its own sessions, lock and transactions, PostgreSQL ones sharing the one event loop and
 * SQLite ones each on a worker thread of its own. A database that fails does not stop the others.
 * Once all have ended, one summary line per database in the order given, then a total line (or,
 * with {@code --json}, an array of one object per database); a failure's whole message also goes
 * to standard error. SIGINT and SIGTERM reach every run: each rolls back and releases its lock,
 * the databases not started yet are left alone.
 */
final class ManyDatabases {
    static final int DEFAULT_CONCURRENCY = 8;

    /**
     * How one database's result is shown.
     *
     * @param status one word for JSON and the total line ({@code upgraded}, {@code at_head}, ...)
     * @param text the summary line after the database's name
     * @param json the fields of its JSON object after name and status
     */
    record Shown(String status, String text, Map<String, Object> json) {
    }

    /** One database's end: {@code result} or {@code failure}. */
    private record Outcome<T>(DatabaseTargets.Target target, T result, Throwable failure) {
    }

    private ManyDatabases() {
    }

    /**
     * Runs {@code operation} on every database, prints the summary, and gives 1 when any failed,
     * else {@code exit} of the results (0, or 3 for a check that found differences). With
     * {@code interruptible}, SIGINT and SIGTERM stop the runs cleanly and the command exits 130 or 143.
     *
     * @param show how a result is shown; {@code failed} is what a failure's JSON object holds besides the error
     */
    static <T> int run(Workspace ws, boolean interruptible, BiFunction<Operations, Interruption, Uni<T>> operation,
                       Function<T, Shown> show, Map<String, Object> failed, Function<List<T>, Integer> exit) {
        List<DatabaseTargets.Target> targets = ws.targets();
        List<Environment> environments = new ArrayList<>();
        for (DatabaseTargets.Target t : targets) environments.add(ws.environment(t));
        List<Interruption> interruptions = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) interruptions.add(new Interruption());
        Interruption all = Interruption.forAll(interruptions);
        Uni<List<Outcome<T>>> runs = Multi.createFrom().range(0, targets.size())
                .onItem().transformToUni(i -> one(targets.get(i), all.requested() ? null : environments.get(i),
                        interruptions.get(i), operation))
                .merge(ws.concurrency())
                .collect().asList();
        // Reported inside the guard, so that an interrupted run's failure carries the signal's exit status.
        Supplier<Integer> body = () -> report(ws, inOrder(targets, ws.await(runs)), show, failed, exit);
        return interruptible ? ShutdownSignal.guard(all, System.err, body) : body.get();
    }

    /** One database's run; {@code env} null when an interruption came before it started. */
    private static <T> Uni<Outcome<T>> one(DatabaseTargets.Target target, Environment env, Interruption interruption,
                                           BiFunction<Operations, Interruption, Uni<T>> operation) {
        if (env == null) {
            return Uni.createFrom().item(new Outcome<>(target, null, new RunInterrupted("interrupted before it started; nothing was changed")));
        }
        return Uni.createFrom().deferred(() -> operation.apply(new Operations(env), interruption))
                .map(result -> new Outcome<>(target, result, null))
                .onFailure().recoverWithItem(e -> new Outcome<>(target, null, e));
    }

    /** The outcomes in the order the databases were given, whatever order they ended in. */
    private static <T> List<Outcome<T>> inOrder(List<DatabaseTargets.Target> targets, List<Outcome<T>> ended) {
        List<Outcome<T>> ordered = new ArrayList<>();
        for (DatabaseTargets.Target t : targets) {
            for (Outcome<T> o : ended) if (o.target() == t) ordered.add(o);
        }
        return ordered;
    }

    private static <T> int report(Workspace ws, List<Outcome<T>> outcomes, Function<T, Shown> show, Map<String, Object> failed,
                                  Function<List<T>, Integer> exit) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        List<Object> json = new ArrayList<>();
        List<T> results = new ArrayList<>();
        boolean anyFailed = false;
        boolean interrupted = false;
        for (Outcome<T> o : outcomes) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("name", o.target().name());
            String status;
            if (o.failure() == null) {
                Shown shown = show.apply(o.result());
                results.add(o.result());
                status = shown.status();
                object.put("status", status);
                object.putAll(shown.json());
                object.put("error", null);
                if (!ws.json()) ws.out().println(o.target().name() + ": " + shown.text());
            } else {
                anyFailed = true;
                interrupted |= o.failure() instanceof RunInterrupted;
                String message = ws.hideValues(message(o.failure()));
                status = "failed";
                object.put("status", status);
                object.putAll(failed);
                object.put("error", message);
                if (!ws.json()) ws.out().println(o.target().name() + ": FAILED: " + message.lines().findFirst().orElse(""));
                ws.error("ERROR: " + o.target().name() + ": " + message);
            }
            totals.merge(status, 1, Integer::sum);
            json.add(object);
        }
        if (ws.json()) {
            ws.out().println(Json.write(json));
        } else {
            // Counted in the order the statuses first came, failures last, where the eye looks for them.
            Integer failures = totals.remove("failed");
            if (failures != null) totals.put("failed", failures);
            List<String> parts = new ArrayList<>();
            totals.forEach((status, n) -> parts.add(n + " " + status.replace('_', ' ')));
            ws.out().println(outcomes.size() + " database" + (outcomes.size() == 1 ? "" : "s") + ": " + String.join(", ", parts));
        }
        if (interrupted) throw new RunInterrupted("interrupted: the databases above that did not finish rolled back and released their lock");
        return anyFailed ? 1 : exit.apply(results);
    }

    /** A failure in the tool's words: a {@link MigrateException}'s message, anything else named by its class. */
    private static String message(Throwable e) {
        Throwable root = e;
        while (!(root instanceof MigrateException) && root.getCause() != null) root = root.getCause();
        if (root instanceof MigrateException) return root.getMessage();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
