package dev.migrate.ops;

import java.util.Optional;

/**
 * Drops a continuous aggregate with its policies.
 *
 * @param query the dropped aggregate's query when the file gives it, so the drop can be inverted; or null
 */
public record DropContinuousAggregate(Source at, String name, boolean ifExists, String query, boolean withData,
                                      RefreshPolicy policy) implements TimescaleOperation {
    @Override
    public String kind() {
        return "drop_continuous_aggregate";
    }

    @Override
    public Optional<Operation> inverse() {
        return query == null ? Optional.empty()
                : Optional.of(new CreateContinuousAggregate(at, name, query, withData, policy));
    }
}
