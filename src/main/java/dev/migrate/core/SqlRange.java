package dev.migrate.core;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.Step;
import dev.migrate.graph.VersionChange;

/**
 * The {@code [start:]end} argument of an offline command, as in Alembic: with no database to read,
 * the start says which revisions the database is at (default base), and the end is the target.
 *
 * @param start the revisions the database is at, as written ({@code base} when not given)
 * @param end   the target, as written
 */
public record SqlRange(String start, String end) {
    /**
     * Parses {@code argument}; {@code startRequired} for downgrade, which cannot start from base.
     * Wrong forms are usage errors naming {@code command}.
     */
    public static SqlRange parse(String argument, String command, boolean startRequired) {
        String text = argument == null ? "" : argument.strip();
        int colon = text.indexOf(':');
        if (colon < 0 && startRequired) {
            throw MigrateException.usage(command + " with --sql requires <fromrev>:<torev> (e.g. head:base): with no"
                    + " database to read, the revisions it starts from must be given");
        }
        if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
            throw MigrateException.usage(command + " --sql takes one range <fromrev>:<torev>; got '" + argument + "'");
        }
        String start = colon < 0 ? "base" : text.substring(0, colon).strip();
        String end = colon < 0 ? text : text.substring(colon + 1).strip();
        if (start.isEmpty()) start = "base";
        if (end.isEmpty()) {
            throw MigrateException.usage(command + " --sql needs a target after the colon: <fromrev>:<torev>; got '"
                    + argument + "'");
        }
        for (String side : List.of(start, end)) {
            if (side.equals("current")) {
                throw MigrateException.usage(command + " --sql reads no database, so 'current' means nothing there;"
                        + " name the revisions the database is at instead (e.g. 1975ea83b712:head)");
            }
        }
        return new SqlRange(start, end);
    }

    /** The version rows the start names: none for base. */
    public List<String> startRows(RevisionMap graph) {
        return graph.resolve(start, List.of());
    }

    /**
     * The steps that bring a database from base to {@code rows}, oldest first: what was applied
     * before the range starts.
     */
    public static List<Step> stepsTo(RevisionMap graph, List<String> rows) {
        List<Step> out = new ArrayList<>();
        List<String> at = new ArrayList<>();
        for (String id : rows) {
            for (Step step : graph.upgrade(at, id)) {
                out.add(step);
                apply(at, step.changes());
            }
        }
        return out;
    }

    private static void apply(List<String> rows, List<VersionChange> changes) {
        for (VersionChange c : changes) {
            if (c instanceof VersionChange.Insert i) rows.add(i.id());
            else if (c instanceof VersionChange.Delete d) rows.remove(d.id());
            else if (c instanceof VersionChange.Update u) rows.set(rows.indexOf(u.from()), u.to());
        }
    }
}
