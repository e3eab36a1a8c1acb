package dev.migrate.cli;

import picocli.CommandLine.Option;

/** {@code -q}, {@code --debug} and {@code --no-color}: of every command. */
public class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print only data and errors.")
    boolean quiet;

    /** Read from the parse result by {@link CommandLineFactory}, which prints the trace. */
    @Option(names = "--debug",
            description = "After an error's message, its Java stack trace, for a bug report (also $$MIGRATE_DEBUG=1).")
    boolean debug;

    // A global option of the command line (README, "Commands"): migrate prints no colour, so there is nothing to turn off.
    @Option(names = "--no-color", description = "Print no colour (migrate never does; accepted for the scripts that pass it).")
    boolean noColor;
}
