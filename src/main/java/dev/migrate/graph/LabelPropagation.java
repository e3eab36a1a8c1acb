package dev.migrate.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Alembic gives a branch label to the labelled revision, to everything above it, and to the
 * plain chain below it down to the branch point; that is what makes {@code label@base} and
 * {@code label@head} find the whole branch. Alembic starts the downward walk from an arbitrary
 * descendant, so it only passes below the labelled revision when nothing above it forks or
 * merges; this does the same deterministically.
 */
final class LabelPropagation {
    private LabelPropagation() {
    }

    static List<Set<String>> propagate(Graph g) {
        List<Set<String>> labels = new ArrayList<>(g.n);
        boolean[] owned = new boolean[g.n];
        for (int i = 0; i < g.n; i++) {
            labels.add(Set.of());
        }
        for (int x : g.topo) {
            List<String> own = g.revs.get(x).branchLabels();
            if (own.isEmpty() && g.down[x].length == 1) {
                labels.set(x, labels.get(g.down[x][0]));
                continue;
            }
            Set<String> set = new TreeSet<>(own);
            for (int p : g.down[x]) {
                set.addAll(labels.get(p));
            }
            labels.set(x, set);
            owned[x] = true;
        }
        boolean[] forkAbove = new boolean[g.n];
        for (int k = g.n - 1; k >= 0; k--) {
            int x = g.topo[k];
            boolean fork = g.isRealBranchPoint(x) || g.isMerge(x);
            for (int c : g.next[x]) {
                fork |= forkAbove[c];
            }
            forkAbove[x] = fork;
        }
        for (int r = 0; r < g.n; r++) {
            List<String> own = g.revs.get(r).branchLabels();
            if (own.isEmpty() || forkAbove[r] || g.down[r].length != 1) {
                continue;
            }
            int p = g.down[r][0];
            while (!g.isRealBranchPoint(p) && !g.isMerge(p) && !labels.get(p).containsAll(own)) {
                if (!owned[p]) {
                    labels.set(p, new TreeSet<>(labels.get(p)));
                    owned[p] = true;
                }
                labels.get(p).addAll(own);
                if (g.down[p].length != 1) {
                    break;
                }
                p = g.down[p][0];
            }
        }
        for (int i = 0; i < g.n; i++) {
            if (owned[i]) {
                labels.set(i, java.util.Collections.unmodifiableSet(labels.get(i)));
            }
        }
        return labels;
    }
}
