package dev.migrate.cli;

import picocli.CommandLine.Mixin;

/**
 * The options of the commands that change the version table, on one database or several:
 * upgrade, downgrade and stamp. Each adds its own {@code --tag}: upgrade and downgrade give it to
 * the revisions ({@link TagOption}), stamp ignores it ({@link StampTagOption}).
 */
public class MigrationOptions {
    @Mixin EnvironmentOptions environment;
    @Mixin DatabaseOptions database;
    @Mixin ManyDatabasesOptions manyDatabases;
    @Mixin LockOption lock;
    @Mixin VerboseOption verbose;
    @Mixin JsonOption json;
}
