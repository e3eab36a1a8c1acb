package dev.migrate.lint;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.Json;

/**
 * The three ways {@code migrate lint} prints its findings: text for people, {@code --json} for
 * tools, and GitHub Actions workflow commands ({@code ::error file=...,line=...::}) that show up as
 * annotations on the pull request's lines.
 */
public final class LintReport {
    private LintReport() {
    }

    /** Text: one finding per paragraph; ignored ones only with {@code verbose}, with their reason. */
    public static void text(LintResult result, boolean verbose, PrintStream out) {
        for (Finding f : result.findings()) {
            if (f.ignored() && !verbose) continue;
            out.println(f.file() + ":" + f.line() + ": " + (f.ignored() ? "ignored " : "") + f.level().label() + " "
                    + f.rule().id() + ": " + f.message());
            out.println("    server: " + f.rule().server());
            out.println("    safe:   " + f.rule().safe());
            if (f.ignored()) out.println("    ignored: " + f.ignoredBy());
        }
        out.println(summary(result));
    }

    /** GitHub Actions annotations, then the summary as a notice. */
    public static void github(LintResult result, boolean verbose, PrintStream out) {
        for (Finding f : result.findings()) {
            if (f.ignored()) {
                if (verbose) out.println("::notice file=" + property(f.file()) + ",line=" + f.line() + ",title="
                        + property("migrate lint " + f.rule().id() + " (ignored)") + "::" + data(f.message()
                        + " — ignored: " + f.ignoredBy()));
                continue;
            }
            out.println("::" + f.level().label() + " file=" + property(f.file()) + ",line=" + f.line() + ",title="
                    + property("migrate lint " + f.rule().id()) + "::" + data(f.message() + ". " + f.rule().server()
                    + ". Safe way: " + f.rule().safe()));
        }
        out.println(summary(result));
    }

    public static String json(LintResult result) {
        List<Object> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("line", f.line());
            m.put("revision", f.revision());
            m.put("rule", f.rule().id());
            m.put("level", f.level().label());
            m.put("message", f.message());
            m.put("server", f.rule().server());
            m.put("safe", f.rule().safe());
            m.put("ignored", f.ignored());
            m.put("reason", f.ignoredBy());
            findings.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("revisions", result.revisions());
        root.put("errors", count(result, Level.ERROR));
        root.put("warnings", count(result, Level.WARNING));
        root.put("ignored", result.ignored().size());
        root.put("findings", findings);
        return Json.write(root);
    }

    static String summary(LintResult result) {
        long errors = count(result, Level.ERROR);
        long warnings = count(result, Level.WARNING);
        int ignored = result.ignored().size();
        String revisions = result.revisions() + (result.revisions() == 1 ? " revision" : " revisions");
        if (errors + warnings == 0) {
            return "lint: " + revisions + ", no findings" + (ignored == 0 ? "" : " (" + ignored + " ignored)");
        }
        return "lint: " + revisions + ", " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings") + (ignored == 0 ? "" : " (" + ignored + " ignored)");
    }

    private static long count(LintResult result, Level level) {
        return result.counted().stream().filter(f -> f.level() == level).count();
    }

    /** A workflow command's message: %, CR and LF escaped. */
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A workflow command's property value: also : and , escaped. */
    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
