package dev.migrate.config;

import java.nio.file.Path;
import java.util.Set;

import dev.migrate.MigrateException;

/** A database name that the {@code databases:} map of the configuration does not hold. Wrong usage: exit 2. */
public class UnknownDatabaseException extends MigrateException {
    public UnknownDatabaseException(String name, Path configFile, Set<String> known) {
        super("no database named '" + name + "' in the databases: setting"
                + (configFile == null ? " (there is no configuration file)" : " of " + configFile)
                + (known.isEmpty() ? "" : "; known: " + String.join(", ", known)), 2, null);
    }
}
