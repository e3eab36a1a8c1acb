package dev.migrate.cli;

import picocli.CommandLine.Mixin;

/**
 * The options of the commands that read one database or several without changing it: current and
 * check (the commands that change the version table take {@link MigrationOptions}).
 */
public class ReadOptions {
    @Mixin EnvironmentOptions environment;
    @Mixin DatabaseOptions database;
    @Mixin ManyDatabasesOptions manyDatabases;
    @Mixin VerboseOption verbose;
    @Mixin JsonOption json;
}
