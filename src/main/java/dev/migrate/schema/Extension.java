package dev.migrate.schema;

/**
 * An installed PostgreSQL extension, as {@code create_extension} writes it.
 *
 * @param schema  where its objects live, or null when it does not matter
 * @param version the installed version, or null when it does not matter
 */
public record Extension(String name, String schema, String version) {
}
