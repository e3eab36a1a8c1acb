package dev.migrate.cli;

import picocli.CommandLine.Option;

/** {@code --url-file} and {@code --concurrency}: of the commands that run against several databases ({@value DatabaseTargets#COMMANDS}). */
public class ManyDatabasesOptions {
    @Option(names = "--url-file", paramLabel = "FILE",
            description = "Run against every URL of FILE, one per line (# comments, $${VAR} expanded);"
                    + " --url given several times runs against each too.")
    String urlFile;

    /** Null when not given, so that a value given after the command wins over one given before it. */
    @Option(names = "--concurrency", paramLabel = "N",
            description = "With several databases: how many run at once (default: " + ManyDatabases.DEFAULT_CONCURRENCY + ").")
    Integer concurrency;
}
