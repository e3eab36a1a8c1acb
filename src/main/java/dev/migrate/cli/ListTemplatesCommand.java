package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.revision.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code migrate list-templates}: the starter environments {@code init --template} accepts. */
@Command(name = "list-templates", aliases = "list_templates", description = "List the templates of init.")
public class ListTemplatesCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin OutputOptions output;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        Map<String, String> templates = new LinkedHashMap<>();
        for (Templates.Template t : Templates.list()) templates.put(t.name(), t.description());
        if (ws.json()) {
            ws.out().println(Json.write(templates));
            return 0;
        }
        ws.out().println("Available templates:");
        ws.out().println();
        templates.forEach((name, description) -> ws.out().println(String.format("%-12s - %s", name, description)));
        ws.out().println();
        ws.out().println("Templates are used via the 'init' command, e.g.:");
        ws.out().println();
        ws.out().println("  migrate init --template sql ./project");
        return 0;
    }
}
