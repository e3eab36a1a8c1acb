package dev.migrate.ops;

/**
 * An operation of the TimescaleDB 2.x extension. Durations and time points are kept as written
 * (a Long or BigDecimal for integer time columns, a String such as {@code 7 days}, or
 * {@code sql(...)} for an expression written verbatim), as a revision file's values are read.
 */
public sealed interface TimescaleOperation extends Operation
        permits CreateHypertable, SetChunkTimeInterval, EnableCompression, DisableCompression, AddCompressionPolicy,
        RemoveCompressionPolicy, AddRetentionPolicy, RemoveRetentionPolicy, CreateContinuousAggregate,
        DropContinuousAggregate, RefreshContinuousAggregate {
}
