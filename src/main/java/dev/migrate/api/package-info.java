/**
 * The Java API: {@link dev.migrate.api.Migrate}, built by {@link dev.migrate.api.MigrateBuilder},
 * runs {@code upgrade}, {@code downgrade}, {@code current}, {@code stamp} and {@code check} as the
 * commands do and gives their results as records. Its exceptions are {@link
 * dev.migrate.api.ConfigurationException} and the types of {@code dev.migrate.errors}; everything
 * else under {@code dev.migrate} is the tool's inside and may change.
 */
package dev.migrate.api;
