package dev.migrate.config;

import dev.migrate.MigrateException;

/** The configuration file named by {@code -c/--config} or {@code $MIGRATE_CONFIG} does not exist. */
public class ConfigFileNotFoundException extends MigrateException {
    public ConfigFileNotFoundException(String path, String namedBy) {
        super("configuration file " + path + " (named by " + namedBy + ") does not exist");
    }
}
