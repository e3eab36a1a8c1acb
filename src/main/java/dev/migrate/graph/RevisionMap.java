package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.migrate.errors.GraphException;

/**
 * The revision graph with Alembic's semantics: validated on construction, then answers
 * identifiers, upgrade and downgrade plans, stamps and history ranges. Pure algebra: no
 * database, no files. Every operation is linear in the number of revisions.
 */
public final class RevisionMap {
    private final Graph g;
    private final RevisionIdentifiers ids;
    private final Targets targets;
    private final Planner planner;

    /** Builds and validates the graph; throws a {@link GraphException} naming the files at fault. */
    public RevisionMap(Collection<Revision> revisions) {
        g = new Graph(revisions);
        ids = new RevisionIdentifiers(g);
        targets = new Targets(g, ids);
        planner = new Planner(g, ids, targets);
    }

    /** The revision with exactly this id. */
    public Revision get(String exactId) {
        Integer i = g.byId.get(exactId);
        if (i == null) {
            throw new RevisionNotFound("Can't locate revision identified by '" + exactId + "'.");
        }
        return g.revs.get(i);
    }

    /** All revisions, in the order given. */
    public Collection<Revision> all() {
        return g.revs;
    }

    public int size() {
        return g.n;
    }

    /** Revisions nothing names as down_revision (what {@code heads} shows). */
    public List<String> heads() {
        return g.ids(g.heads);
    }

    /** Heads counting depends_on too: what {@code heads --resolve-dependencies} shows. */
    public List<String> realHeads() {
        return g.ids(g.realHeads);
    }

    /** Same as {@link #realHeads()}, named after the command option. */
    public List<String> resolveDependencies() {
        return realHeads();
    }

    /** Revisions without a down_revision. */
    public List<String> bases() {
        return g.ids(g.bases);
    }

    /** Revisions that more than one revision names as down_revision, newest first (what {@code branches} shows). */
    public List<String> branchPoints() {
        List<String> out = new ArrayList<>();
        for (int i : walkAll()) {
            if (g.next[i].length > 1) {
                out.add(g.id(i));
            }
        }
        return out;
    }

    /** Revisions that name this one as down_revision. */
    public List<String> children(String id) {
        return g.ids(g.next[index(id)]);
    }

    /** The branch labels a revision belongs to, including those inherited along its branch. */
    public Set<String> branchLabels(String id) {
        return java.util.Collections.unmodifiableSet(g.labels.get(index(id)));
    }

    public boolean isHead(String id) {
        return g.next[index(id)].length == 0;
    }

    public boolean isBranchPoint(String id) {
        return g.next[index(id)].length > 1;
    }

    public boolean isMergePoint(String id) {
        return g.down[index(id)].length > 1;
    }

    /**
     * What an identifier names (section 5); empty means base. Relative forms count from
     * {@code currentHeads}: {@code +N} like an upgrade target, {@code -N} like a downgrade target.
     */
    public List<String> resolve(String identifier, Collection<String> currentHeads) {
        String id = checkSyntax(identifier);
        int[] current = current(currentHeads);
        if (id.equals("current")) {
            return g.ids(current);
        }
        var m = RevisionIdentifiers.relative(id);
        if (m != null && m.group(3).startsWith("-")) {
            int r = targets.downgrade(current, id, true).revision();
            return r < 0 ? List.of() : List.of(g.id(r));
        }
        if (m != null) {
            return g.ids(targets.upgrade(current, id, true));
        }
        return g.ids(ids.revisions(id));
    }

    /** The steps {@code upgrade target} runs from these version rows, oldest first; empty when already there. */
    public List<Step> upgrade(Collection<String> currentHeads, String target) {
        int[] current = current(currentHeads);
        return steps(current, planner.upgrade(current, checkSyntax(target)), true);
    }

    /** The steps {@code downgrade target} runs from these version rows, newest first; empty when already there. */
    public List<Step> downgrade(Collection<String> currentHeads, String target) {
        int[] current = current(currentHeads);
        return steps(current, planner.downgrade(current, checkSyntax(target)), false);
    }

    private List<Step> steps(int[] current, List<Integer> order, boolean upgrade) {
        VersionRows rows = new VersionRows(g, current);
        List<Step> out = new ArrayList<>(order.size());
        for (int r : order) {
            out.add(new Step(g.revs.get(r), upgrade, rows.step(r, upgrade)));
        }
        return out;
    }

    /** The version rows after {@code stamp targets}; with purge, the existing rows are ignored first. */
    public List<String> stamp(Collection<String> currentHeads, List<String> targetIds, boolean purge) {
        List<String> checked = new ArrayList<>();
        for (String t : targetIds) {
            checked.add(checkSyntax(t));
        }
        return new Stamper(g, ids).stamp(purge ? new int[0] : current(currentHeads), checked, purge);
    }

    /**
     * Revisions of a {@code start:end} range (either side optional, null for everything),
     * newest first like {@code alembic history}; {@code current} on either side means the rows.
     */
    public List<Revision> history(String range, Collection<String> currentHeads) {
        String start = "base";
        String end = "heads";
        if (range != null) {
            String r = range.strip();
            int colon = r.indexOf(':');
            if (colon < 0 || r.indexOf(':', colon + 1) >= 0) {
                throw new InvalidRevisionIdentifier("History range requires [start]:[end], [start]:, or :[end]; got '"
                        + range + "'.");
            }
            start = r.substring(0, colon).isEmpty() ? "base" : checkSyntax(r.substring(0, colon));
            end = r.substring(colon + 1).isEmpty() ? "heads" : checkSyntax(r.substring(colon + 1));
        }
        int[] current = current(currentHeads);
        // Alembic falls back to "heads" when the end is current and nothing is applied.
        if (end.equals("current") && current.length == 0) {
            end = "heads";
        }
        int[] lower = start.equals("current") ? current : lowerBound(start, end, current);
        int[] upper = end.equals("current") ? current : targets.upgrade(lower, end, false);
        List<Revision> out = new ArrayList<>();
        for (int i : planner.range(upper, lower, start.equals("current") ? null : start, end)) {
            out.add(g.revs.get(i));
        }
        return out;
    }

    private int[] lowerBound(String start, String end, int[] current) {
        if (RevisionIdentifiers.relative(start) != null) {
            int[] upper = end.equals("current") ? current : targets.upgrade(new int[0], end, false);
            int r = targets.downgrade(upper, start, false).revision();
            return r < 0 ? new int[0] : new int[] {r};
        }
        return ids.revisions(start);
    }

    /** Every revision, newest first. */
    private List<Integer> walkAll() {
        return planner.range(g.realHeads, new int[0], "base", "heads");
    }

    /** Whether the version rows are exactly the heads ({@code current --check-heads}). */
    public boolean atHeads(Collection<String> currentHeads) {
        return new HashSet<>(currentHeads).equals(new HashSet<>(heads()));
    }

    /** The rows plus what depends_on implies, as branch tips: what {@code current} shows. */
    public List<String> allCurrent(Collection<String> currentHeads) {
        return g.ids(targets.allCurrent(current(currentHeads)));
    }

    private int index(String id) {
        Integer i = g.byId.get(id);
        if (i == null) {
            throw new RevisionNotFound("Can't locate revision identified by '" + id + "'.");
        }
        return i;
    }

    private int[] current(Collection<String> currentHeads) {
        int[] out = new int[currentHeads.size()];
        int k = 0;
        for (String h : currentHeads) {
            Integer i = g.byId.get(h);
            if (i == null) {
                throw new RevisionNotFound("Can't locate revision identified by '" + h + "': the version table "
                        + "names it but no revision file declares it.");
            }
            out[k++] = i;
        }
        return out;
    }

    private static String checkSyntax(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new InvalidRevisionIdentifier("A revision identifier is required (a revision, 'head', 'base', ...).");
        }
        String id = identifier.strip();
        if (id.contains(":") || id.chars().anyMatch(Character::isWhitespace) || id.startsWith("@")
                || id.endsWith("@")) {
            throw new InvalidRevisionIdentifier("Malformed revision identifier '" + identifier
                    + "'; expected a revision, a prefix, head, heads, base, <branch>@head, <rev>+N, -N and so on.");
        }
        return id;
    }
}
