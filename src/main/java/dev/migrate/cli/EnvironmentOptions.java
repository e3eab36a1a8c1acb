package dev.migrate.cli;

import picocli.CommandLine.Mixin;

/** {@code -c}, {@code -q} and {@code --debug}: of every command that reads the migration environment ({@code migrate.yaml}). */
public class EnvironmentOptions {
    @Mixin ConfigOption config;
    @Mixin OutputOptions output;
}
