package dev.migrate.cli;

import picocli.CommandLine.Option;

/** {@code -q} and {@code --debug}: of every command. */
public class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print only data and errors.")
    boolean quiet;

    /** Read from the parse result by {@link CommandLineFactory}, which prints the trace. */
    @Option(names = "--debug",
            description = "After an error's message, its Java stack trace, for a bug report (also $$MIGRATE_DEBUG=1).")
    boolean debug;

    // migrate prints no colour; the option stays accepted, unlisted, for the scripts that pass it.
    @Option(names = "--no-color", hidden = true)
    boolean noColor;
}
