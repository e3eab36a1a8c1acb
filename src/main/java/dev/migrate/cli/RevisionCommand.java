package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migrate.MigrateException;
import dev.migrate.diff.Diff;
import dev.migrate.diff.Differences;
import dev.migrate.graph.MultipleHeads;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.Format;
import dev.migrate.revision.OperationYaml;
import dev.migrate.revision.RevisionWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate revision -m MSG}: a new revision file on top of a head, printed by path. */
@Command(name = "revision", description = "Create a new revision file.")
public class RevisionCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin ValuesOption values;
    @Mixin DatabaseOptions database;
    @Mixin JsonOption json;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the revision does.")
    String message;

    @Option(names = "--format", paramLabel = "yaml|sql", description = "File format (default: yaml).")
    String format = "yaml";

    @Option(names = "--head", paramLabel = "H", description = "The head to build on: head (default), <branch>@head, a head id, or base for a new root.")
    String head = "head";

    @Option(names = "--splice", description = "Allow --head to name a revision that is not a head (starts a branch).")
    boolean splice;

    @Option(names = "--branch-label", paramLabel = "L", description = "A branch label for the new revision; repeatable.")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--depends-on", paramLabel = "R", description = "A revision or branch label it depends on; repeatable.")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a generated one.")
    String revId;

    @Option(names = "--version-path", paramLabel = "P", description = "The version folder to write into.")
    Path versionPath;

    @Option(names = "--autogenerate", description = "Fill the revision with the operations that bring the database to the target schema (schema.yaml); the database must be at head.")
    boolean autogenerate;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        RevisionMap graph = ws.graph();
        List<String> down = parents(graph);
        List<String> dependencies = new ArrayList<>();
        for (String d : dependsOn) dependencies.add(graph.all().stream().anyMatch(r -> r.branchLabels().contains(d)) ? d : single(graph, d, "--depends-on"));
        String upgrade = null;
        String downgrade = null;
        if (autogenerate) {
            if (Format.parse(format) != Format.YAML) throw MigrateException.usage("--autogenerate writes YAML revisions; leave out --format sql");
            Diff diff = ws.await(ws.operations().compare());
            for (String note : diff.notes()) ws.log("warning: " + note);
            if (diff.upgrade().isEmpty()) {
                ws.log("No changes detected");
            } else {
                for (String d : Differences.of(new Diff(diff.upgrade(), List.of(), List.of()))) ws.log("Detected " + d);
            }
            upgrade = OperationYaml.write(diff.upgrade());
            downgrade = OperationYaml.write(diff.downgrade());
        }
        RevisionWriter.Request request = new RevisionWriter.Request(message, down, branchLabels, dependencies, revId,
                Format.parse(format), upgrade, downgrade);
        Path folder = Folders.forNewRevision(ws, versionPath, down);
        Path file = ws.writer().write(request, folder, ws.revisionIds());
        if (ws.json()) JsonResults.written(ws, "revision", file);
        else ws.out().println(file);
        return 0;
    }

    private List<String> parents(RevisionMap graph) {
        if ("base".equals(head)) return List.of();
        if ("head".equals(head) && graph.heads().size() > 1) {
            // Alembic's advice: say which head to build on, or join the branches first.
            throw new MultipleHeads("Multiple heads are present (" + String.join(", ", graph.heads()) + "); pass --head with the "
                    + "one to build on (a head id or <branch>@head), or run 'migrate merge heads' first");
        }
        List<String> resolved = graph.resolve(head, List.of());
        for (String id : resolved) {
            if (!splice && !graph.children(id).isEmpty()) {
                throw MigrateException.usage("revision " + id + " is not a head revision; use --splice to start a branch from it");
            }
        }
        return resolved;
    }

    static String single(RevisionMap graph, String identifier, String option) {
        List<String> ids = graph.resolve(identifier, List.of());
        if (ids.size() != 1) throw MigrateException.usage(option + " '" + identifier + "' names " + ids.size() + " revisions, not one");
        return ids.get(0);
    }
}
