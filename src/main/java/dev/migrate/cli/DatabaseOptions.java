package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code --url} and {@code --wait}: of the commands that connect to a database. */
public class DatabaseOptions {
    // A list although most commands take one: several are refused with a message naming the
    // commands that accept them, clearer than picocli's "should be specified only once".
    @Option(names = "--url", paramLabel = "URL",
            description = "Database URL; overrides the configuration and $DATABASE_URL.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--wait", paramLabel = "DURATION",
            description = "Keep retrying the connection this long while the database is not up (connect.wait; e.g. 60s).")
    String connectWait;
}
