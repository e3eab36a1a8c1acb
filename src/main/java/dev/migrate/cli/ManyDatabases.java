package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.migrate.Json;
import dev.migrate.MigrateException;
import dev.migrate.core.Environment;
import dev.migrate.core.Application;
import dev.migrate.core.StopRequest;
import dev.migrate.errors.RunInterrupted;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A command run against several databases at once: at most {@code --concurrency} at a time, each
 * with its own sessions, lock and transactions, PostgreSQL ones sharing the one event loop and
 * SQLite ones each on a worker thread of its own. A database that fails does not stop the others.
 * As each ends, a progress line on standard error; once all have ended, one summary line per
 * database in the order given, then a total line (or,
 * with {@code --json}, an array of one object per database, each with its {@code elapsed_ms}); a failure's whole message also goes
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

    /** One database's end: {@code result} and how it is {@code shown}, or {@code failure}; how long its run took. */
    private record Outcome<T>(DatabaseTargets.Target target, T result, Shown shown, Throwable failure, long millis) {
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
    static <T> int run(Workspace ws, boolean interruptible, BiFunction<Application, StopRequest, Uni<T>> operation,
                       Function<T, Shown> show, Map<String, Object> failed, Function<List<T>, Integer> exit) {
        List<DatabaseTargets.Target> targets = ws.targets();
        List<Environment> environments = new ArrayList<>();
        for (DatabaseTargets.Target t : targets) environments.add(ws.environment(t));
        List<StopRequest> stops = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) stops.add(new StopRequest());
        StopRequest all = StopRequest.forAll(stops);
        Progress progress = new Progress(ws, targets.size());
        Uni<List<Outcome<T>>> runs = Multi.createFrom().range(0, targets.size())
                .onItem().transformToUni(i -> one(targets.get(i), all.requested() ? null : environments.get(i),
                        stops.get(i), operation, show).invoke(progress::ended))
                .merge(ws.concurrency())
                .collect().asList();
        // Reported inside the guard, so that an interrupted run's failure carries the signal's exit status.
        Supplier<Integer> body = () -> report(ws, inOrder(targets, ws.await(runs)), failed, exit, all);
        return interruptible ? all.guardCommand(System.err, body) : body.get();
    }

    /**
     * One database's run; {@code env} null when an interruption came before it started. It starts
     * on a worker thread: the next database starts on the thread where one ended, often the event
     * loop the PostgreSQL sessions share, which what an operation prepares before its first
     * statement (files read and parsed) must not hold up.
     */
    private static <T> Uni<Outcome<T>> one(DatabaseTargets.Target target, Environment env, StopRequest stop,
                                           BiFunction<Application, StopRequest, Uni<T>> operation, Function<T, Shown> show) {
        if (env == null) {
            return Uni.createFrom().item(new Outcome<>(target, null, null,
                    new RunInterrupted("interrupted before it started; nothing was changed"), 0));
        }
        long[] started = new long[1];
        return Uni.createFrom().deferred(() -> {
                    started[0] = System.nanoTime();
                    return operation.apply(new Application(env), stop);
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(result -> new Outcome<>(target, result, show.apply(result), null, millisSince(started[0])))
                .onFailure().recoverWithItem(e -> new Outcome<T>(target, null, null, e, millisSince(started[0])));
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /**
     * A line on standard error as each database ends ({@code [12/300] tenant_l: upgraded 2 revisions (a1 -> c3)}),
     * silenced by {@code -q}: without it a run over hundreds would look hung until the summary.
     */
    private static final class Progress {
        private final Workspace ws;
        private final int total;
        private final AtomicInteger ended = new AtomicInteger();

        Progress(Workspace ws, int total) {
            this.ws = ws;
            this.total = total;
        }

        void ended(Outcome<?> o) {
            ws.log("[" + ended.incrementAndGet() + "/" + total + "] " + o.target().name() + ": " + line(ws, o));
        }
    }

    /** A database's summary line after its name: its result shown, or {@code FAILED:} and the first line of why. */
    private static String line(Workspace ws, Outcome<?> o) {
        if (o.failure() == null) return o.shown().text();
        return "FAILED: " + ws.hideValues(message(o.failure())).lines().findFirst().orElse("");
    }

    /** The outcomes in the order the databases were given, whatever order they ended in. */
    private static <T> List<Outcome<T>> inOrder(List<DatabaseTargets.Target> targets, List<Outcome<T>> ended) {
        List<Outcome<T>> ordered = new ArrayList<>();
        for (DatabaseTargets.Target t : targets) {
            for (Outcome<T> o : ended) if (o.target() == t) ordered.add(o);
        }
        return ordered;
    }

    /**
     * Prints the summary and gives the exit status; throws {@link RunInterrupted} when a run was
     * interrupted, or a signal came at all, so the command exits 130 or 143 whenever one was
     * received, even one that came after the last database had ended.
     */
    private static <T> int report(Workspace ws, List<Outcome<T>> outcomes, Map<String, Object> failed,
                                  Function<List<T>, Integer> exit, StopRequest signal) {
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
                results.add(o.result());
                status = o.shown().status();
                object.put("status", status);
                object.putAll(o.shown().json());
                object.put("error", null);
            } else {
                anyFailed = true;
                interrupted |= o.failure() instanceof RunInterrupted;
                String message = ws.hideValues(message(o.failure()));
                status = "failed";
                object.put("status", status);
                object.putAll(failed);
                object.put("error", message);
                ws.error("ERROR: " + o.target().name() + ": " + message);
            }
            object.put("elapsed_ms", o.millis());
            if (!ws.json()) ws.out().println(o.target().name() + ": " + line(ws, o));
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
        ws.out().flush();
        if (interrupted) throw new RunInterrupted("interrupted: the databases above that did not finish rolled back and released their lock");
        if (signal.requested()) throw new RunInterrupted("interrupted after every database had ended: their lines above are final");
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
