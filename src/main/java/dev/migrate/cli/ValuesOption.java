package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code -x KEY=VALUE}: of the commands that write templates or run, print or lint SQL revisions. */
public class ValuesOption {
    @Option(names = "-x", paramLabel = "KEY=VALUE",
            description = "A value for templates and SQL revisions ($${x.KEY}); repeatable; never shown in messages.")
    List<String> pairs = new ArrayList<>();
}
