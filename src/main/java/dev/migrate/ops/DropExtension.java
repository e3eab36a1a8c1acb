package dev.migrate.ops;

import java.util.Optional;

/**
 * @param cascade also drop the objects that depend on the extension
 * @param schema  for the inverse: where the recreated extension goes, or null
 * @param version for the inverse: which version to recreate, or null
 */
public record DropExtension(Source at, String name, boolean ifExists, boolean cascade, String schema, String version)
        implements Operation {
    @Override
    public String kind() {
        return "drop_extension";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new CreateExtension(at, name, schema, version, true));
    }
}
