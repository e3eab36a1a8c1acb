package dev.migrate.cli;

import dev.migrate.MigrateException;
import dev.migrate.sql.DialectNames;
import dev.migrate.sql.UnknownDialect;
import picocli.CommandLine.Option;

/**
 * {@code --sql} and {@code --dialect}, the offline mode of upgrade, downgrade and stamp: no
 * connection, the dialect from {@code --dialect} or the URL's scheme, the script on standard output
 * and the progress lines on standard error.
 */
public class SqlOptions {
    @Option(names = "--sql", description = "Print the SQL script instead of running it; no connection is made.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "NAME",
            description = "With --sql: postgresql or sqlite (default: the dialect of the configured URL).")
    String dialect;

    /** Whether {@code command} prints its script; {@code --dialect} without {@code --sql} is a mistake worth saying, not ignoring. */
    boolean offline(String command) {
        if (dialect != null && !sql) {
            throw MigrateException.usage(command + ": --dialect only applies with --sql (an online run uses the"
                    + " database's own dialect)");
        }
        return sql;
    }

    /**
     * The dialect {@code --dialect} names, as the tool spells it, or null without the option (the
     * configured URL's is used then); a name the tool does not know is a usage error.
     */
    String dialect() {
        if (dialect == null) return null;
        try {
            return DialectNames.require(dialect);
        } catch (UnknownDialect e) {
            throw MigrateException.usage("--dialect: " + e.getMessage());
        }
    }

    static void print(Workspace ws, String script) {
        ws.out().print(script);
        ws.out().flush();
    }
}
