package dev.migrate.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.MigrateException;
import dev.migrate.core.Application;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code migrate inspect}: reads the live database's catalog and prints it as {@code schema.yaml},
 * so an existing database can adopt migrate ({@code inspect > migrations/schema.yaml}). The tool's
 * own tables are left out; what the schema cannot say is named on standard error.
 */
@Command(name = "inspect", description = "Print the live database schema in schema.yaml form.")
public class InspectCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin DatabaseOptions database;
    @Mixin JsonOption json;

    @Option(names = "--format", paramLabel = "FORMAT", description = "yaml (default) or json (the same as --json).")
    String format = "yaml";

    @Override
    public Integer call() {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("yaml") && !chosen.equals("json")) {
            throw MigrateException.usage("--format must be yaml or json, not '" + format + "'");
        }
        Workspace ws = root.workspace();
        Schema found = ws.read(Application::inspect);
        if (ws.json() || chosen.equals("json")) {
            ws.out().println(Json.write(SchemaWriter.tree(found)));
        } else {
            ws.out().print(SchemaWriter.yaml(found));
        }
        return 0;
    }
}
