package dev.migrate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.migrate.revision.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code migrate init [DIR] [--template T]}: writes a new migration environment. */
@Command(name = "init", description = "Create a migration environment (migrate.yaml and migrations/).")
public class InitCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin OutputOptions output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Target folder (default: the current one).")
    String dir = ".";

    @Option(names = {"-t", "--template"}, paramLabel = "T", description = "Starter files: see list-templates (default: yaml).")
    String template = "yaml";

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        for (Path written : Templates.init(Path.of(dir), template)) ws.log("Created " + written);
        ws.log("Edit migrate.yaml, then run 'migrate revision -m \"first revision\"'.");
        return 0;
    }
}
