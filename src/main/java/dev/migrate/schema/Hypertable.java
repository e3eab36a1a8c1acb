package dev.migrate.schema;

/**
 * A TimescaleDB hypertable and its settings, in the fields of {@code create_hypertable},
 * {@code enable_compression}, {@code add_compression_policy} and {@code add_retention_policy}.
 * Durations are kept as written: text such as {@code 7 days}, or a number for integer time columns.
 *
 * @param table              the table, possibly schema-qualified
 * @param chunkTimeInterval  the chunk width, or null for TimescaleDB's default
 * @param partitioningColumn the space-partitioning column, or null
 * @param numberPartitions   the number of space partitions (with partitioningColumn), or null
 * @param compression        the compression settings, or null when compression is off
 * @param dropAfter          the retention policy's age after which chunks are dropped, or null when there is none
 */
public record Hypertable(String table, String timeColumn, Object chunkTimeInterval, String partitioningColumn,
                         Integer numberPartitions, Compression compression, Object dropAfter) {
}
