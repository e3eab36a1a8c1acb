package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.migrate.Json;
import dev.migrate.core.Application;
import dev.migrate.graph.Revision;
import dev.migrate.graph.Step;
import dev.migrate.revision.RevisionScript;

/**
 * The {@code --json} results of the commands that change something: upgrade and downgrade (what
 * ran, from where to where, how long), stamp (the rows written), revision and merge (the new file
 * and its id). The progress lines still go to standard error; standard output holds one JSON object.
 */
final class JsonResults {
    private JsonResults() {
    }

    /** Runs {@code work} and gives its result with how long it took. */
    static <T> Timed<T> timed(Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        return new Timed<>(result, (System.nanoTime() - started) / 1_000_000);
    }

    record Timed<T>(T result, long millis) {
    }

    /**
     * {@code {"command": "upgrade", "target": "head", "before": [...], "applied": [...], "current": [...], "elapsed_ms": 12}},
     * {@code elapsed_ms} the whole command's (connecting and locking included).
     */
    static void migrated(Workspace ws, String verb, String target, Timed<Application.Migrated> run) {
        Application.Migrated done = run.result();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", verb);
        out.put("target", target);
        out.put("before", done.before());
        out.put("applied", applied(done));
        out.put("current", done.current());
        out.put("elapsed_ms", run.millis());
        ws.out().println(Json.write(out));
    }

    /**
     * The steps run, in order, each {@code {"revision", "direction", "from", "to", "elapsed_ms"}}:
     * the version rows before and after it, and how long it took.
     */
    static List<Object> applied(Application.Migrated done) {
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < done.steps().size(); i++) {
            Step step = done.steps().get(i);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("revision", step.revision().id());
            s.put("direction", step.upgrade() ? "upgrade" : "downgrade");
            s.put("from", step.from());
            s.put("to", step.to());
            s.put("elapsed_ms", done.millis().get(i));
            steps.add(s);
        }
        return steps;
    }

    /** {@code {"command": "stamp", "current": [...], "elapsed_ms": 3}}. */
    static void stamped(Workspace ws, Timed<List<String>> run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", "stamp");
        out.put("current", run.result());
        out.put("elapsed_ms", run.millis());
        ws.out().println(Json.write(out));
    }

    /** {@code {"command": "revision", "revision": "3f2a...", "path": "...", "down_revision": ..., ...}}, read back from the file written. */
    static void written(Workspace ws, String command, Path file) {
        RevisionScript s = RevisionScript.load(file, ws.xValues());
        Revision r = s.revision();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", command);
        out.put("revision", r.id());
        out.put("path", file.toString());
        out.put("down_revision", r.downRevisions().isEmpty() ? null
                : r.downRevisions().size() == 1 ? r.downRevisions().get(0) : r.downRevisions());
        out.put("branch_labels", r.branchLabels());
        out.put("depends_on", r.dependsOn());
        out.put("message", s.message());
        ws.out().println(Json.write(out));
    }
}
