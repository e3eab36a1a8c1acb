package dev.migrate.ops;

import java.util.List;
import java.util.Optional;

/**
 * @param segmentBy columns that group compressed rows (timescaledb.compress_segmentby); may be empty
 * @param orderBy   sort keys inside a segment, each {@code column [ASC|DESC] [NULLS FIRST|LAST]}; may be empty
 */
public record EnableCompression(Source at, String table, List<String> segmentBy, List<String> orderBy)
        implements TimescaleOperation {
    public EnableCompression {
        segmentBy = List.copyOf(segmentBy);
        orderBy = List.copyOf(orderBy);
    }

    @Override
    public String kind() {
        return "enable_compression";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DisableCompression(at, table, segmentBy, orderBy));
    }
}
