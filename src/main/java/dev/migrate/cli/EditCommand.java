package dev.migrate.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migrate.MigrateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code migrate edit REV}: opens a revision file in {@code $VISUAL} or {@code $EDITOR}. */
@Command(name = "edit", description = "Open a revision file in $EDITOR.")
public class EditCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;

    @Parameters(index = "0", paramLabel = "REV", description = "A revision identifier (head, an id, a prefix, ...).")
    String rev;

    @Option(names = "--editor", paramLabel = "CMD", description = "The editor to use instead of $VISUAL or $EDITOR.")
    String editorOption;

    @Override
    public Integer call() throws Exception {
        Workspace ws = root.workspace();
        List<String> ids = ws.graph().resolve(rev, List.of());
        if (ids.size() != 1) throw MigrateException.usage("'" + rev + "' names " + ids.size() + " revisions; edit takes exactly one");
        String editor = editorOption;
        if (editor == null || editor.isBlank()) editor = System.getenv("VISUAL");
        if (editor == null || editor.isBlank()) editor = System.getenv("EDITOR");
        if (editor == null || editor.isBlank()) throw new MigrateException("set $EDITOR (or $VISUAL, or pass --editor) to the editor to open revisions with");
        String file = ws.script(ids.get(0)).file().toString();
        // The editor may carry arguments ("code --wait"); the file is passed as one separate word.
        List<String> command = new ArrayList<>(List.of(editor.trim().split("\\s+")));
        command.add(file);
        int status;
        try {
            status = new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new MigrateException("cannot start the editor '" + editor + "': " + e.getMessage(), e);
        }
        if (status != 0) throw new MigrateException("the editor '" + editor + "' exited with status " + status);
        return 0;
    }
}
