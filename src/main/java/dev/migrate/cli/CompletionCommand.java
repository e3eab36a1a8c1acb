package dev.migrate.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code migrate completion bash|zsh|fish}: a shell completion script on standard output. Bash's
 * comes from picocli's generator, which also serves zsh through {@code bashcompinit}; fish has its
 * own small generator ({@link FishCompletion}). Both read the command model, nothing reflective.
 */
@Command(name = "completion", description = "Print a shell completion script: bash, zsh or fish."
        + " Load it with: source <(migrate completion bash), or save it where your shell reads completions.")
public class CompletionCommand implements Callable<Integer> {
    /** The shells a script can be printed for. */
    enum Shell { bash, zsh, fish }

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = switch (shell) {
            // picocli's script starts by loading bashcompinit under zsh, so one script serves both
            case bash, zsh -> AutoComplete.bash(root.getCommandName(), root);
            case fish -> FishCompletion.script(root.getCommandSpec());
        };
        root.getOut().print(script);
        root.getOut().flush();
        return 0;
    }
}
