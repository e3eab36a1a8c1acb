package dev.migrate.ops;

import java.util.Optional;

/** @param compressAfter the age after which chunks are compressed */
public record AddCompressionPolicy(Source at, String table, Object compressAfter, boolean ifNotExists)
        implements TimescaleOperation {
    @Override
    public String kind() {
        return "add_compression_policy";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new RemoveCompressionPolicy(at, table, ifNotExists, compressAfter));
    }
}
