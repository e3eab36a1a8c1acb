package dev.migrate.ops;

import java.util.Optional;

/** @param dropAfter the age after which chunks are dropped */
public record AddRetentionPolicy(Source at, String table, Object dropAfter, boolean ifNotExists)
        implements TimescaleOperation {
    @Override
    public String kind() {
        return "add_retention_policy";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new RemoveRetentionPolicy(at, table, ifNotExists, dropAfter));
    }
}
