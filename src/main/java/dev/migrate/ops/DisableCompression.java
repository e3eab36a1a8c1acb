package dev.migrate.ops;

import java.util.List;
import java.util.Optional;

/** Turns compression off; {@code segmentBy} and {@code orderBy} are the settings before, restored by the inverse. */
public record DisableCompression(Source at, String table, List<String> segmentBy, List<String> orderBy)
        implements TimescaleOperation {
    public DisableCompression {
        segmentBy = List.copyOf(segmentBy);
        orderBy = List.copyOf(orderBy);
    }

    @Override
    public String kind() {
        return "disable_compression";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new EnableCompression(at, table, segmentBy, orderBy));
    }
}
