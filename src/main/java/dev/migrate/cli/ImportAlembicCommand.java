package dev.migrate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.alembic.AlembicImport;
import dev.migrate.alembic.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code migrate import-alembic [PATH] [--out DIR]}: an Alembic environment as a migrate one; exit 3 when some Python needs a person. */
@Command(name = "import-alembic", aliases = "import_alembic",
        description = "Convert an Alembic environment (alembic.ini, versions/*.py) to migrate.yaml and YAML revisions.")
public class ImportAlembicCommand implements Callable<Integer> {
    /** Exit status when some revision kept Python under 'unconverted:'. */
    static final int INCOMPLETE = 3;

    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin OutputOptions output;
    @Mixin JsonOption json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "alembic.ini or the folder holding it (default: .).")
    String path = ".";

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write migrate.yaml and migrations/ (default: beside alembic.ini).")
    String out;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        ImportReport report = AlembicImport.run(Path.of(path), out == null ? null : Path.of(out));
        if (ws.json()) {
            ws.out().println(Json.write(report.json()));
        } else {
            for (String line : report.lines()) ws.out().println(line);
        }
        return report.complete() ? 0 : INCOMPLETE;
    }
}
