package dev.migrate.schema;

import java.util.List;

/**
 * TimescaleDB compression of a hypertable: {@code enable_compression}'s settings and the
 * {@code add_compression_policy} that compresses old chunks.
 *
 * @param segmentBy     columns that group compressed rows; may be empty
 * @param orderBy       sort keys inside a segment, each {@code column [ASC|DESC] [NULLS FIRST|LAST]}; may be empty
 * @param compressAfter the policy's age after which chunks are compressed, or null when there is no policy
 */
public record Compression(List<String> segmentBy, List<String> orderBy, Object compressAfter) {
    public Compression {
        segmentBy = List.copyOf(segmentBy);
        orderBy = List.copyOf(orderBy);
    }
}
