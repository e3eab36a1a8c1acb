package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.migrate.MigrateException;
import dev.migrate.core.Application;
import dev.migrate.core.Flavors;
import dev.migrate.graph.Revision;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.LintResult;
import dev.migrate.lint.LintSettings;
import dev.migrate.lint.Linter;
import dev.migrate.lint.TableSizes;
import dev.migrate.revision.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code migrate lint [RANGE]}: what the revisions would do to a busy PostgreSQL (locks, rewrites,
 * data loss), before they run; exit 3 on an error-level finding.
 */
@Command(name = "lint", description = "Find revisions that would block or rewrite tables on a busy PostgreSQL; exit 3 on an error.")
public class LintCommand implements Callable<Integer> {
    static final int FOUND = 3;

    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin ValuesOption values;
    @Mixin DatabaseOptions database;
    @Mixin VerboseOption verbose;
    @Mixin JsonOption json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RANGE",
            description = "START:END as for history (e.g. base:head, abc:); default: the revisions not yet applied"
                    + " when there is a PostgreSQL URL (or --url), else all.")
    String range;

    @Option(names = "--github", description = "Print GitHub Actions annotations (::error file=...,line=...::).")
    boolean github;

    @Option(names = "--offline", description = "Never connect: lint all revisions (or RANGE) without table sizes.")
    boolean offline;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        RevisionMap graph = ws.graph();
        boolean database = !offline && (ws.urlGiven() || hasTableSizes(ws));
        TableSizes sizes = TableSizes.UNKNOWN;
        List<String> current = List.of();
        if (database) {
            Application.Measured read = ws.read(Application::measure);
            current = read.current();
            sizes = read.sizes();
        }
        List<RevisionScript> ordered = new ArrayList<>();
        List<Revision> all = new ArrayList<>(graph.history(null, List.of()));
        Collections.reverse(all);
        for (Revision r : all) ordered.add(ws.script(r.id()));
        Set<String> linted = new HashSet<>();
        if (range != null) {
            for (Revision r : graph.history(range, current)) linted.add(r.id());
        } else if (database) {
            for (Step s : graph.upgrade(current, "heads")) linted.add(s.revision().id());
        } else {
            for (Revision r : all) linted.add(r.id());
        }
        LintSettings settings = LintSettings.read(ws.config().configFile());
        LintResult result = new Linter(settings, sizes, Path.of("")).lint(ordered, linted);
        if (ws.json()) {
            ws.out().println(LintReport.json(result));
        } else if (github) {
            LintReport.github(result, ws.verbose(), ws.out());
        } else {
            LintReport.text(result, ws.verbose(), ws.out());
        }
        return result.failed() ? FOUND : 0;
    }

    /**
     * Whether the configured database has table sizes to weigh the findings by (PostgreSQL's row
     * estimates); a URL that cannot be read (an unset variable) has none.
     */
    private static boolean hasTableSizes(Workspace ws) {
        try {
            return Flavors.of(ws.url()).estimatesTableSizes();
        } catch (MigrateException e) {
            return false;
        }
    }
}
