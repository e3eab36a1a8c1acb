package dev.migrate.api;

import dev.migrate.MigrateException;

/**
 * The settings cannot be used: the configuration file is missing or wrong (its message names the
 * file and line), an environment variable it names is unset, or the database URL is malformed
 * (shown without its password). The error that said so is the cause.
 */
public class ConfigurationException extends MigrateException {
    public ConfigurationException(MigrateException cause) {
        super(cause.getMessage(), cause.exitCode(), cause);
    }
}
