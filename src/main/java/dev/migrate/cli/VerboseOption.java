package dev.migrate.cli;

import picocli.CommandLine.Option;

/** {@code -v}: of the commands that have more to say. */
public class VerboseOption {
    @Option(names = {"-v", "--verbose"},
            description = "More detail: each revision's full block; with several databases, each one's progress lines.")
    boolean verbose;
}
