package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrate.Json;
import dev.migrate.MigrateException;
import dev.migrate.core.Flavors;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.DialectNames;
import dev.migrate.sql.SqlScript;
import dev.migrate.sql.Statement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code migrate show REV}: one revision's header, file, and the SQL each dialect would run. */
@Command(name = "show", description = "Show a revision and the SQL it runs on each database.")
public class ShowCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    // The options of migrate this command uses (see RunOptions); its help lists only these.
    @Mixin EnvironmentOptions environment;
    @Mixin ValuesOption values;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "REV", description = "A revision identifier (head, an id, a prefix, ...).")
    String rev;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        RevisionMap graph = ws.graph();
        List<String> ids = graph.resolve(rev, List.of());
        if (ids.size() != 1) throw MigrateException.usage("'" + rev + "' names " + ids.size() + " revisions; show takes exactly one");
        RevisionScript s = ws.script(ids.get(0));
        RevisionFormat format = new RevisionFormat(graph, List.of());
        if (ws.json()) {
            Map<String, Object> m = new LinkedHashMap<>(format.json(s));
            Map<String, Object> sql = new LinkedHashMap<>();
            for (String d : DialectNames.ALL) {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("upgrade", render(s, d, true));
                both.put("downgrade", render(s, d, false));
                sql.put(d, both);
            }
            m.put("sql", sql);
            ws.out().println(Json.write(m));
            return 0;
        }
        ws.out().print(format.verbose(s));
        for (String d : DialectNames.ALL) {
            for (boolean up : new boolean[] {true, false}) {
                ws.out().println();
                ws.out().print(script(s, d, up));
            }
        }
        return 0;
    }

    /**
     * One direction on one dialect as a runnable script: its statements, with a note when they run
     * outside a transaction, or the reason this dialect cannot run them.
     */
    private static String script(RevisionScript s, String dialect, boolean upgrade) {
        StringBuilder out = new StringBuilder("-- " + (upgrade ? "upgrade" : "downgrade") + " (" + dialect + ")\n");
        List<Statement> statements;
        try {
            statements = upgrade ? s.upgrade(Flavors.dialect(dialect)) : s.downgrade(Flavors.dialect(dialect));
        } catch (MigrateException e) {
            return out.append(new SqlScript().comment("cannot run here: " + e.getMessage()).text()).toString();
        }
        if (!s.transactional() || statements.stream().anyMatch(Statement::runsAlone)) {
            out.append("-- runs outside a transaction")
                    .append(s.transactional() ? " (it holds a statement that cannot run in one)" : "").append('\n');
        }
        // A computed statement shows its description, a comment: its SQL is only written when it runs.
        for (Statement st : statements) {
            boolean comment = st.isComputed() && st.sql().strip().startsWith("--");
            out.append(comment ? st.sql().strip() : SqlScript.terminated(st.sql())).append('\n');
        }
        return out.toString();
    }

    /** The statements, or the reason this dialect cannot run them (shown in place of the SQL). */
    private static List<Object> render(RevisionScript s, String dialect, boolean upgrade) {
        try {
            List<Statement> statements = upgrade ? s.body().upgrade(Flavors.dialect(dialect)) : s.body().downgrade(Flavors.dialect(dialect));
            return statements.stream().map(st -> (Object) st.sql()).toList();
        } catch (MigrateException e) {
            return List.of("-- cannot run here: " + e.getMessage());
        }
    }
}
