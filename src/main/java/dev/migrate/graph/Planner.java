package dev.migrate.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Chooses which revisions a range or a move covers and in which order (Alembic's
 * _collect_upgrade_revisions, _collect_downgrade_revisions and _topological_sort).
 */
final class Planner {
    private final Graph g;
    private final RevisionIdentifiers ids;
    private final Targets targets;

    Planner(Graph g, RevisionIdentifiers ids, Targets targets) {
        this.g = g;
        this.ids = ids;
        this.targets = targets;
    }

    /** Revisions to upgrade, oldest first. Anything already applied (or implied) is skipped. */
    List<Integer> upgrade(int[] current, String target) {
        int[] tgts = targets.upgrade(current, target, true);
        BitSet needs = g.ancestorsChecked(tgts);
        needs.andNot(g.ancestorsChecked(current));
        List<Integer> order = sort(needs, tgts);
        java.util.Collections.reverse(order);
        return order;
    }

    /** Revisions to downgrade, newest first: the target's descendants that are applied. */
    List<Integer> downgrade(int[] current, String target) {
        Targets.Down dest = targets.downgrade(current, target, true);
        int[] roots;
        if (dest.revision() == RevisionIdentifiers.NIL) {
            roots = bases();
        } else {
            roots = g.next[dest.revision()];
        }
        if (dest.branch() != null && roots.length > 1) {
            roots = RevisionIdentifiers.filter(roots, g.ancestors(new int[] {ids.branch(dest.branch())}, false));
            if (roots.length == 0) {
                throw new RangeNotAncestor("Not a valid downgrade target from current heads: '" + target
                        + "' is not on a branch that is applied.");
            }
        }
        BitSet drop = g.descendants(roots, true);
        drop.and(g.ancestors(current, true));
        if (dest.revision() != RevisionIdentifiers.NIL && drop.isEmpty() && !contains(current, dest.revision())) {
            throw new RangeNotAncestor("Destination " + g.describe(dest.revision())
                    + " is not a valid downgrade target from current head(s) " + currentText(current)
                    + ": it is not an ancestor of what is applied.");
        }
        return sort(drop, current);
    }

    private int[] bases() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < g.n; i++) {
            if (g.down[i].length == 0) {
                out.add(i);
            }
        }
        return Graph.toArray(out);
    }

    private String currentText(int[] current) {
        return current.length == 0 ? "(base)" : String.join(", ", g.ids(current));
    }

    static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    /**
     * Revisions between {@code lower} and {@code upper} inclusive, newest first (history).
     * {@code lowerSpec} is the original text of the lower bound, used for {@code branch@...}.
     */
    List<Integer> range(int[] upperTargets, int[] lower, String lowerSpec, String upperText) {
        int[] tgts = upperTargets;
        if (lowerSpec != null && lowerSpec.contains("@")) {
            String branch = lowerSpec.substring(0, lowerSpec.indexOf('@'));
            int branchRev = ids.revision(branch);
            if (branchRev >= 0 && g.id(branchRev).equals(branch)) {
                java.util.Set<String> own = g.labels.get(branchRev);
                if (own.size() != 1) {
                    throw new InvalidRevisionIdentifier("Revision " + branch + " is used as a branch in '"
                            + lowerSpec + "' but carries " + own.size() + " branch labels; use a label instead.");
                }
                branch = own.iterator().next();
            }
            List<Integer> kept = new ArrayList<>();
            for (int t : tgts) {
                if (g.labels.get(t).contains(branch)) {
                    kept.add(t);
                }
            }
            tgts = Graph.toArray(kept);
        }
        BitSet needs = g.ancestorsChecked(tgts);
        for (int c : lower) {
            if (!needs.get(c)) {
                String lowerText = lower.length == 0 ? "base" : String.join(", ", g.ids(lower));
                throw new RangeNotAncestor("Revision " + lowerText + " is not an ancestor of revision " + upperText
                        + " (" + describeAll(lower) + ").");
            }
        }
        needs.andNot(g.ancestorsChecked(lower));
        for (int c : lower) {
            needs.set(c);
        }
        if (lower.length > 0) {
            needs.and(g.descendants(lower, false));
        }
        return sort(needs, tgts);
    }

    private String describeAll(int[] revs) {
        List<String> out = new ArrayList<>();
        for (int r : revs) {
            out.add(g.describe(r));
        }
        return String.join(", ", out);
    }

    /**
     * Newest first: from each head downwards, switching to another head whenever the next
     * revision is still needed by something above it that has not been emitted (Alembic's
     * order, with the "is an ancestor of another head" test done by counting instead).
     */
    List<Integer> sort(BitSet todo, int[] heads) {
        BitSet remaining = (BitSet) todo.clone();
        int[] pending = new int[g.n];
        for (int u = todo.nextSetBit(0); u >= 0; u = todo.nextSetBit(u + 1)) {
            for (int d : g.normDown[u]) {
                if (todo.get(d)) {
                    pending[d]++;
                }
            }
        }
        boolean[] inHeads = new boolean[g.n];
        List<Integer> current = new ArrayList<>();
        int[] sortedHeads = heads.clone();
        java.util.Arrays.sort(sortedHeads);
        for (int h : sortedHeads) {
            if (todo.get(h) && !inHeads[h]) {
                inHeads[h] = true;
                current.add(h);
            }
        }
        // A revision nothing in the set stands on starts a walk too, even when it is not one of the heads
        // asked for: it is reached from them only through a depends_on whose revision the range leaves out.
        for (int u = todo.nextSetBit(0); u >= 0; u = todo.nextSetBit(u + 1)) {
            if (!inHeads[u] && java.util.Arrays.stream(g.allNext[u]).noneMatch(todo::get)) {
                inHeads[u] = true;
                current.add(u);
            }
        }
        List<Integer> out = new ArrayList<>(todo.cardinality());
        int idx = 0;
        while (!current.isEmpty()) {
            int cand = current.get(idx);
            if (pending[cand] > 0) {
                idx = current.indexOf(headAbove(cand, remaining, inHeads));
                continue;
            }
            if (remaining.get(cand)) {
                out.add(cand);
                remaining.clear(cand);
                for (int d : g.normDown[cand]) {
                    if (todo.get(d)) {
                        pending[d]--;
                    }
                }
            }
            List<Integer> toAdd = new ArrayList<>();
            for (int d : g.normDown[cand]) {
                if (remaining.get(d) && !inHeads[d] && !toAdd.contains(d)) {
                    toAdd.add(d);
                }
            }
            inHeads[cand] = false;
            if (toAdd.isEmpty()) {
                current.remove(idx);
                idx = Math.max(idx - 1, 0);
            } else {
                current.set(idx, toAdd.get(0));
                for (int d : toAdd) {
                    inHeads[d] = true;
                }
                current.addAll(toAdd.subList(1, toAdd.size()));
            }
        }
        return out;
    }

    /** A head still to be emitted that has {@code rev} below it. */
    private int headAbove(int rev, BitSet remaining, boolean[] inHeads) {
        int u = rev;
        while (u == rev || !inHeads[u]) {
            int upNext = -1;
            for (int c : g.allNext[u]) {
                if (remaining.get(c)) {
                    upNext = c;
                    break;
                }
            }
            if (upNext < 0) {
                throw new IllegalStateException("no pending head above " + g.id(rev));
            }
            u = upNext;
        }
        return u;
    }
}
