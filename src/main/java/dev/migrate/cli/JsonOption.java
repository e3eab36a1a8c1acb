package dev.migrate.cli;

import picocli.CommandLine.Option;

/** {@code --json}: of the commands that print data or a result. */
public class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON on standard output.")
    boolean json;
}
