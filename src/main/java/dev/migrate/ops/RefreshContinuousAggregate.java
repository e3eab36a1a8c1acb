package dev.migrate.ops;

import java.util.Map;
import java.util.Optional;

/**
 * Refreshes a continuous aggregate over a window; a null bound is an open end. TimescaleDB
 * refuses this inside a transaction.
 */
public record RefreshContinuousAggregate(Source at, String name, Object windowStart, Object windowEnd)
        implements TimescaleOperation {
    @Override
    public String kind() {
        return "refresh_continuous_aggregate";
    }

    /** A refresh changes data the aggregate derives anyway, not the schema: undoing it is doing nothing. */
    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new Execute(at, null, Map.of()));
    }
}
