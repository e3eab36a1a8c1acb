package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.Format;
import dev.migrate.revision.RevisionWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code migrate merge heads -m MSG}: a revision whose parents are the given revisions, joining branches. */
@Command(name = "merge", description = "Merge two or more revisions (usually: heads) into one.")
public class MergeCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin ValuesOption values;
    @Mixin JsonOption json;

    @Parameters(arity = "1..*", paramLabel = "REV", description = "The revisions to merge, e.g. heads.")
    List<String> revisions;

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "What the merge is for.")
    String message;

    @Option(names = "--branch-label", paramLabel = "L", description = "A branch label for the merge revision; repeatable.")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a generated one.")
    String revId;

    @Option(names = "--format", paramLabel = "yaml|sql", description = "File format (default: yaml).")
    String format = "yaml";

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        RevisionMap graph = ws.graph();
        Set<String> parents = new LinkedHashSet<>();
        for (String r : revisions) parents.addAll(graph.resolve(r, List.of()));
        if (parents.size() < 2) {
            throw MigrateException.usage("a merge needs at least two revisions, but '" + String.join(" ", revisions)
                    + "' names only " + (parents.isEmpty() ? "none" : String.join(", ", parents)));
        }
        List<String> down = new ArrayList<>(parents);
        String msg = message != null ? message : "merge " + String.join(", ", down);
        RevisionWriter.Request request = new RevisionWriter.Request(msg, down, branchLabels, List.of(), revId,
                Format.parse(format), null, null);
        Path file = ws.writer().write(request, Folders.forNewRevision(ws, null, down), ws.revisionIds());
        if (ws.json()) JsonResults.written(ws, "merge", file);
        else ws.out().println(file);
        return 0;
    }
}
