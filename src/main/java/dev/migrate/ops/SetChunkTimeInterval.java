package dev.migrate.ops;

import java.util.Optional;

/** @param existingInterval the interval before, which makes the change invertible; or null */
public record SetChunkTimeInterval(Source at, String table, Object interval, Object existingInterval)
        implements TimescaleOperation {
    @Override
    public String kind() {
        return "set_chunk_time_interval";
    }

    @Override
    public Optional<Operation> inverse() {
        return existingInterval == null ? Optional.empty()
                : Optional.of(new SetChunkTimeInterval(at, table, existingInterval, interval));
    }
}
