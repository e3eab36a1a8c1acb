package dev.migrate.ops;

import java.util.Optional;

/** @param dropAfter the removed policy's setting, which makes the removal invertible; or null */
public record RemoveRetentionPolicy(Source at, String table, boolean ifExists, Object dropAfter)
        implements TimescaleOperation {
    @Override
    public String kind() {
        return "remove_retention_policy";
    }

    @Override
    public Optional<Operation> inverse() {
        return dropAfter == null ? Optional.empty() : Optional.of(new AddRetentionPolicy(at, table, dropAfter, ifExists));
    }
}
