package dev.migrate.ops;

import java.util.Optional;

/**
 * A continuous aggregate: a materialized view over a hypertable that TimescaleDB keeps up to date.
 *
 * @param withData fill it now; TimescaleDB refuses that inside a transaction, so the statement
 *                 then runs alone
 * @param policy   the refresh policy to add with it, or null
 */
public record CreateContinuousAggregate(Source at, String name, String query, boolean withData, RefreshPolicy policy)
        implements TimescaleOperation {
    @Override
    public String kind() {
        return "create_continuous_aggregate";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropContinuousAggregate(at, name, false, query, withData, policy));
    }
}
