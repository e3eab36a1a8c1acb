package dev.migrate.ops;

import java.util.Optional;

/**
 * Turns a table into a hypertable partitioned by time, optionally also by hash of a column.
 * TimescaleDB cannot turn a hypertable back into a plain table, so there is no inverse: the
 * downgrade drops the table.
 *
 * @param chunkTimeInterval    the chunk width, or null for TimescaleDB's default
 * @param partitioningColumn   the space-partitioning column, or null
 * @param numberPartitions     the number of space partitions (with partitioningColumn), or null
 * @param createDefaultIndexes null for TimescaleDB's default (true)
 */
public record CreateHypertable(Source at, String table, String timeColumn, Object chunkTimeInterval,
                               String partitioningColumn, Integer numberPartitions, boolean ifNotExists,
                               boolean migrateData, Boolean createDefaultIndexes) implements TimescaleOperation {
    @Override
    public String kind() {
        return "create_hypertable";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.empty();
    }
}
