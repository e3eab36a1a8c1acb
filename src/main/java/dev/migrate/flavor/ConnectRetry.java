package dev.migrate.flavor;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrate.config.Durations;
import dev.migrate.engine.Backoff;
import dev.migrate.engine.Database;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import dev.migrate.errors.ConnectionFailed;

/**
 * Opens a session with a database server, retrying for as long as {@code connect.wait} allows the
 * failures that mean "not up yet": a refused or reset connection, a name that does not resolve yet,
 * an attempt that got no answer within {@code connect.timeout}, and what the flavor's
 * {@link ConnectFailures} says is one (a server that says it is starting up). The server's other
 * answers (a wrong password, an unknown database) will not change by waiting, so they, and every
 * other failure, end the wait at once.
 */
public final class ConnectRetry {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final Supplier<Uni<Database>> attempt;
    private final ConnectFailures failures;
    private final String url;
    private final String where;
    private final Duration wait;
    private final Duration timeout;
    private final Consumer<String> log;

    /**
     * @param attempt one connection attempt
     * @param failures what the driver's failures of an attempt mean
     * @param url the masked URL, for the "waiting for" lines
     * @param where the masked URL with host, port and database spelt out, for the final error
     * @param wait how long to keep retrying (zero: one attempt)
     * @param timeout how long one attempt may take
     * @param log where the "waiting for" lines go
     */
    public ConnectRetry(Supplier<Uni<Database>> attempt, ConnectFailures failures, String url, String where, Duration wait,
                        Duration timeout, Consumer<String> log) {
        this.attempt = attempt;
        this.failures = failures;
        this.url = url;
        this.where = where;
        this.wait = wait;
        this.timeout = timeout;
        this.log = log;
    }

    /** The session, or {@link ConnectionFailed} naming where, why, and how long it waited. */
    public Uni<Database> open() {
        return attemptUntil(System.nanoTime() + wait.toNanos(), new Backoff(FIRST_PAUSE, LONGEST_PAUSE));
    }

    private Uni<Database> attemptUntil(long deadline, Backoff backoff) {
        return once().onFailure().recoverWithUni(e -> {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (!retryable(e)) return Uni.createFrom().failure(failure(e, false));
            if (left.isNegative() || left.isZero()) return Uni.createFrom().failure(failure(e, !wait.isZero()));
            log.accept("waiting for " + url + ": " + cause(e));
            return Backoff.sleep(backoff.next(left)).flatMap(v -> attemptUntil(deadline, backoff));
        });
    }

    private Uni<Database> once() {
        Uni<Database> one = attempt.get();
        if (timeout.isZero() || timeout.isNegative()) return one;
        return one.ifNoItem().after(timeout).fail();
    }

    private ConnectionFailed failure(Throwable e, boolean waited) {
        String why = cause(e) + (waited ? " (still failing after waiting " + Durations.format(wait) + ")" : "");
        return new ConnectionFailed(where, why, e);
    }

    /** Whether this failure may go away once the server is up. */
    private boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (failures.notUpYet(t)) return true;
            if (failures.answered(t)) return false;
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private String cause(Throwable e) {
        Throwable t = e instanceof ConnectionFailed && e.getCause() != null ? e.getCause() : e;
        if (t instanceof TimeoutException) return "no answer within " + Durations.format(timeout) + " (connect.timeout)";
        String answer = failures.describe(t);
        if (answer != null) return answer;
        if (t instanceof UnknownHostException) return "unknown host " + t.getMessage();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
