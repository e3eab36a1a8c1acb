package dev.migrate.ops;

import java.util.Optional;

/**
 * Installs a PostgreSQL extension in the database.
 *
 * @param schema  where its objects go, or null for the default
 * @param version the extension version, or null for the default one
 */
public record CreateExtension(Source at, String name, String schema, String version, boolean ifNotExists)
        implements Operation {
    @Override
    public String kind() {
        return "create_extension";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropExtension(at, name, ifNotExists, false, schema, version));
    }
}
