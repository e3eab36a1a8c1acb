/**
 * The Java API: {@link dev.migrate.api.Migrate}, built by {@link dev.migrate.api.MigrateBuilder},
 * runs {@code upgrade}, {@code downgrade}, {@code current}, {@code stamp} and {@code check} as the
 * commands do and gives their results as records. Everything else under {@code dev.migrate} is
 * the tool's inside and may change; the exception types the {@code Migrate} javadoc names are the
 * exception.
 */
package dev.migrate.api;
