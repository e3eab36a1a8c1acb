package dev.migrate.graph;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Reads upgrade and downgrade targets, where relative forms ({@code +2}, {@code -1},
 * {@code branch@+1}, {@code rev-2}) are measured from the current version rows.
 */
final class Targets {
    private final Graph g;
    private final RevisionIdentifiers ids;

    Targets(Graph g, RevisionIdentifiers ids) {
        this.g = g;
        this.ids = ids;
    }

    /** A downgrade destination: the revision to end at (NIL for base) and the branch it is limited to. */
    record Down(String branch, int revision) {
    }

    /** Revisions to upgrade to; empty for base. */
    int[] upgrade(int[] current, String target, boolean noOverwalk) {
        Matcher m = RevisionIdentifiers.relative(target);
        if (m == null) {
            return ids.revisions(target);
        }
        String branch = m.group(1);
        String symbol = m.group(2);
        String relText = m.group(3);
        int rel = RevisionIdentifiers.steps(relText);
        int r;
        if (rel > 0) {
            if (symbol == null) {
                int[] start = current.length == 0 ? new int[] {RevisionIdentifiers.NIL} : current;
                if (branch != null) {
                    start = startOnBranch(current, branch);
                }
                if (start.length > 1) {
                    throw new InvalidRevisionIdentifier("Ambiguous upgrade from multiple current revisions ("
                            + String.join(", ", g.ids(start)) + "); use '<branch>@" + relText + "' or a revision.");
                }
                r = ids.walk(start[0], rel, branch, noOverwalk);
                if (r == RevisionIdentifiers.NIL) {
                    throw RevisionIdentifiers.didNotProduce(relText);
                }
            } else {
                r = ids.walk(ids.revision(symbol), rel, branch, noOverwalk);
                if (r == RevisionIdentifiers.NIL) {
                    throw RevisionIdentifiers.walkedTooFar(target);
                }
            }
        } else {
            if (symbol == null) {
                throw RevisionIdentifiers.didNotProduce(relText);
            }
            r = ids.walk(ids.revision(branch == null ? symbol : branch + "@" + symbol), rel, null, noOverwalk);
            if (r == RevisionIdentifiers.NIL) {
                throw RevisionIdentifiers.walkedTooFar(target);
            }
        }
        return r < 0 ? new int[0] : new int[] {r};
    }

    /** Where {@code branch@+N} starts: the current row on that branch, or the branch's latest applied revision. */
    private int[] startOnBranch(int[] current, String branch) {
        BitSet lineage = ids.lineageOf(branch, false);
        int[] start = lineage == null ? current : RevisionIdentifiers.filter(current, lineage);
        if (start.length > 0) {
            return start;
        }
        BitSet active = g.ancestors(current, true);
        if (lineage != null) {
            active.and(lineage);
        }
        Set<Integer> below = new HashSet<>();
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            for (int d : g.normDown[i]) {
                below.add(d);
            }
        }
        List<Integer> tips = new ArrayList<>();
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            if (!below.contains(i)) {
                tips.add(i);
            }
        }
        return tips.isEmpty() ? new int[] {RevisionIdentifiers.NIL} : Graph.toArray(tips);
    }

    Down downgrade(int[] current, String target, boolean noOverwalk) {
        Matcher m = RevisionIdentifiers.relative(target);
        if (m == null) {
            int at = target.lastIndexOf('@');
            String branch = at > 0 ? target.substring(0, at) : null;
            return new Down(branch, ids.revision(target.substring(at + 1)));
        }
        String branch = m.group(1);
        String symbol = m.group(2);
        String relText = m.group(3);
        int rel = RevisionIdentifiers.steps(relText);
        if (rel >= 0) {
            if (symbol == null) {
                throw RevisionIdentifiers.didNotProduce(relText);
            }
            int r = ids.walk(ids.revision(symbol), rel, branch, noOverwalk);
            if (r == RevisionIdentifiers.NIL) {
                throw RevisionIdentifiers.walkedTooFar(target);
            }
            return new Down(branch, r == RevisionIdentifiers.BASE ? RevisionIdentifiers.NIL : r);
        }
        boolean fromCurrent = symbol == null;
        if (fromCurrent) {
            if (branch != null) {
                symbol = currentOnBranch(current, branch, target);
            } else {
                if (current.length == 0) {
                    throw RevisionIdentifiers.didNotProduce(relText);
                }
                symbol = g.id(current[0]);
                branch = symbol;
            }
        }
        int start = ids.revision(branch == null ? symbol : branch + "@" + symbol);
        int r = ids.walk(start, rel, null, noOverwalk);
        if (r == RevisionIdentifiers.NIL) {
            throw fromCurrent ? RevisionIdentifiers.didNotProduce(relText) : RevisionIdentifiers.walkedTooFar(target);
        }
        return new Down(branch, r == RevisionIdentifiers.BASE ? RevisionIdentifiers.NIL : r);
    }

    private String currentOnBranch(int[] current, String branch, String target) {
        BitSet lineage = ids.lineageOf(branch, false);
        int[] on = lineage == null ? current : RevisionIdentifiers.filter(current, lineage);
        if (on.length == 0) {
            int[] all = allCurrent(current);
            on = lineage == null ? all : RevisionIdentifiers.filter(all, lineage);
        }
        if (on.length != 1) {
            throw new InvalidRevisionIdentifier("'" + target + "' needs exactly one current revision on branch '"
                    + branch + "', but there are " + on.length + ".");
        }
        return g.id(on[0]);
    }

    /** The current rows plus what they imply through depends_on, reduced to branch tips (_get_all_current). */
    int[] allCurrent(int[] current) {
        BitSet all = g.ancestors(current, true);
        List<Integer> tips = new ArrayList<>();
        for (int i = all.nextSetBit(0); i >= 0; i = all.nextSetBit(i + 1)) {
            boolean tip = true;
            for (int c : g.next[i]) {
                if (all.get(c)) {
                    tip = false;
                    break;
                }
            }
            if (tip) {
                tips.add(i);
            }
        }
        return Graph.toArray(tips);
    }
}
