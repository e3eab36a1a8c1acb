package dev.migrate.ops;

import java.util.Optional;

/** @param compressAfter the removed policy's setting, which makes the removal invertible; or null */
public record RemoveCompressionPolicy(Source at, String table, boolean ifExists, Object compressAfter)
        implements TimescaleOperation {
    @Override
    public String kind() {
        return "remove_compression_policy";
    }

    @Override
    public Optional<Operation> inverse() {
        return compressAfter == null ? Optional.empty()
                : Optional.of(new AddCompressionPolicy(at, table, compressAfter, ifExists));
    }
}
