package dev.migrate.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.mutiny.Uni;

/**
 * Pauses between attempts: doubling from a first pause up to a longest one, each drawn at random
 * between half and all of its nominal length. The randomness is what keeps ten replicas that
 * started together from knocking on the database, or on the lock, in the same millisecond.
 */
public final class Backoff {
    private final long longestNanos;
    private long nominalNanos;

    public Backoff(Duration first, Duration longest) {
        this.nominalNanos = first.toNanos();
        this.longestNanos = longest.toNanos();
    }

    /** The pause before the next attempt, never longer than {@code left} (what is left of the deadline). */
    public Duration next(Duration left) {
        long half = nominalNanos / 2;
        long pause = half + ThreadLocalRandom.current().nextLong(half + 1);
        nominalNanos = Math.min(longestNanos, nominalNanos * 2);
        return Duration.ofNanos(Math.max(0, Math.min(pause, left.toNanos())));
    }

    /** Completes after {@code pause}, without holding a thread meanwhile. */
    public static Uni<Void> sleep(Duration pause) {
        if (pause.isZero() || pause.isNegative()) return Uni.createFrom().voidItem();
        return Uni.createFrom().voidItem().onItem().delayIt().by(pause);
    }
}
