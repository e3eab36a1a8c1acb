package dev.migrate.cli;

import picocli.CommandLine.Option;

/** {@code -c/--config}: of the commands that read {@code migrate.yaml}. */
public class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: $MIGRATE_CONFIG, else ./migrate.yaml).")
    String file;
}
