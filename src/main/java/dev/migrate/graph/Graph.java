package dev.migrate.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The revision graph as integer-indexed adjacency arrays, so every traversal is a linear,
 * iterative walk (no recursion: chains of many thousand revisions must not overflow the stack).
 * Index order is the order the revisions were given in; it breaks ties deterministically.
 */
final class Graph {
    final List<Revision> revs;
    final int n;
    final Map<String, Integer> byId = new HashMap<>();
    final Map<String, Integer> labelOwner = new HashMap<>();
    /** Ids and own labels, sorted, for partial-id lookup (Alembic matches labels by prefix too). */
    final TreeMap<String, Integer> keys = new TreeMap<>();
    /** down_revision only. */
    final int[][] down;
    /** down_revision plus resolved depends_on. */
    final int[][] allDown;
    /** down_revision plus the depends_on not already implied by an ancestor's depends_on. */
    final int[][] normDown;
    final int[][] resolvedDeps;
    final int[][] normDeps;
    /** Children through down_revision only. */
    final int[][] next;
    /** Children through down_revision or depends_on. */
    final int[][] allNext;
    /** Branch labels as Alembic propagates them (own, inherited from below, and down to the branch point). */
    final List<Set<String>> labels;
    /** Parents before children, over down_revision and depends_on. */
    final int[] topo;
    final int[] heads;
    final int[] realHeads;
    final int[] bases;

    Graph(Collection<Revision> input) {
        revs = List.copyOf(input);
        n = revs.size();
        for (int i = 0; i < n; i++) {
            Revision r = revs.get(i);
            checkId(r);
            Integer previous = byId.putIfAbsent(r.id(), i);
            if (previous != null) {
                throw new DuplicateRevision("Revision " + r.id() + " is declared twice: in "
                        + revs.get(previous).origin() + " and in " + r.origin() + ". Give one of them a new id.");
            }
        }
        mapLabels();
        down = new int[n][];
        resolvedDeps = new int[n][];
        allDown = new int[n][];
        for (int i = 0; i < n; i++) {
            Revision r = revs.get(i);
            down[i] = resolveDown(r);
            resolvedDeps[i] = resolveDeps(r);
            allDown[i] = concat(down[i], resolvedDeps[i]);
        }
        next = invert(down);
        allNext = invert(allDown);
        GraphChecks.detectCycles(this);
        topo = GraphChecks.topologicalOrder(allDown, allNext);
        normDeps = normalizeDeps();
        normDown = new int[n][];
        for (int i = 0; i < n; i++) {
            normDown[i] = concat(down[i], normDeps[i]);
        }
        heads = select(i -> next[i].length == 0);
        realHeads = select(i -> allNext[i].length == 0);
        bases = select(i -> down[i].length == 0);
        labels = LabelPropagation.propagate(this);
    }

    private static void checkId(Revision r) {
        for (char c : new char[] {'@', '-', '+', ':'}) {
            if (r.id().indexOf(c) >= 0) {
                throw new IllegalRevisionId(r.origin() + ": revision id '" + r.id() + "' contains '" + c
                        + "', which is reserved for identifiers like rev@head, rev+1, start:end.");
            }
        }
    }

    private void mapLabels() {
        for (int i = 0; i < n; i++) {
            keys.put(revs.get(i).id(), i);
        }
        for (int i = 0; i < n; i++) {
            Revision r = revs.get(i);
            for (String label : r.branchLabels()) {
                Integer usedBy = byId.containsKey(label) ? byId.get(label) : labelOwner.get(label);
                if (usedBy != null) {
                    Revision other = revs.get(usedBy);
                    String what = byId.containsKey(label) ? "is the id of revision " : "is already used by revision ";
                    throw new BranchLabelConflict("Branch label '" + label + "' in revision " + r.id() + " ("
                            + r.origin() + ") " + what + other.id() + " (" + other.origin() + ").");
                }
                labelOwner.put(label, i);
                keys.put(label, i);
            }
        }
    }

    private int[] resolveDown(Revision r) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String d : r.downRevisions()) {
            Integer p = byId.get(d);
            if (p == null) {
                throw new DownRevisionNotFound(r.origin() + ": revision " + r.id() + " has down_revision '" + d
                        + "', but no revision file declares that id.");
            }
            out.add(p);
        }
        return toArray(out);
    }

    private int[] resolveDeps(Revision r) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String d : r.dependsOn()) {
            Integer p = byId.containsKey(d) ? byId.get(d) : labelOwner.get(d);
            if (p == null) {
                throw new DependencyNotFound(r.origin() + ": revision " + r.id() + " depends_on '" + d
                        + "', which is neither a revision id nor a branch label.");
            }
            out.add(p);
        }
        return toArray(out);
    }

    /**
     * Drops each depends_on that an ancestor (through down_revision) already depends on; sets of
     * inherited dependencies are shared along plain chains so a long chain costs no copying.
     */
    private int[][] normalizeDeps() {
        List<Set<Integer>> inherited = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inherited.add(Set.of());
        }
        int[][] out = new int[n][];
        for (int x : topo) {
            Set<Integer> inh;
            if (down[x].length == 1 && resolvedDeps[down[x][0]].length == 0) {
                inh = inherited.get(down[x][0]);
            } else if (down[x].length == 0) {
                inh = Set.of();
            } else {
                inh = new java.util.HashSet<>();
                for (int p : down[x]) {
                    inh.addAll(inherited.get(p));
                    for (int d : resolvedDeps[p]) {
                        inh.add(d);
                    }
                }
            }
            inherited.set(x, inh);
            Set<Integer> kept = new LinkedHashSet<>();
            for (int d : resolvedDeps[x]) {
                if (!inh.contains(d)) {
                    kept.add(d);
                }
            }
            out[x] = toArray(kept);
        }
        return out;
    }

    private interface IntPredicate {
        boolean test(int i);
    }

    private int[] select(IntPredicate p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (p.test(i)) {
                out.add(i);
            }
        }
        return toArray(out);
    }

    private int[][] invert(int[][] edges) {
        List<List<Integer>> tmp = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tmp.add(new ArrayList<>(1));
        }
        for (int i = 0; i < n; i++) {
            for (int p : edges[i]) {
                tmp.get(p).add(i);
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = toArray(tmp.get(i));
        }
        return out;
    }

    static int[] concat(int[] a, int[] b) {
        Set<Integer> out = new LinkedHashSet<>();
        for (int x : a) {
            out.add(x);
        }
        for (int x : b) {
            out.add(x);
        }
        return toArray(out);
    }

    static int[] toArray(Collection<Integer> c) {
        int[] out = new int[c.size()];
        int k = 0;
        for (int x : c) {
            out[k++] = x;
        }
        return out;
    }

    String id(int i) {
        return revs.get(i).id();
    }

    List<String> ids(int[] idx) {
        List<String> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(id(i));
        }
        return out;
    }

    List<String> ids(Collection<Integer> idx) {
        return ids(toArray(idx));
    }

    /** The starts and everything below them; with deps, depends_on links count as edges. */
    BitSet ancestors(int[] starts, boolean deps) {
        return reach(starts, deps ? allDown : down);
    }

    /** The starts and everything above them. */
    BitSet descendants(int[] starts, boolean deps) {
        return reach(starts, deps ? allNext : next);
    }

    BitSet reach(int[] starts, int[][] edges) {
        BitSet seen = new BitSet(n);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int s : starts) {
            todo.push(s);
        }
        while (!todo.isEmpty()) {
            int r = todo.pop();
            if (seen.get(r)) {
                continue;
            }
            seen.set(r);
            for (int e : edges[r]) {
                if (!seen.get(e)) {
                    todo.push(e);
                }
            }
        }
        return seen;
    }

    /** Like {@link #ancestors} with deps, but fails when one start lies below another. */
    BitSet ancestorsChecked(int[] starts) {
        BitSet isStart = new BitSet(n);
        for (int s : starts) {
            isStart.set(s);
        }
        BitSet seen = new BitSet(n);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int s : starts) {
            Set<String> overlaps = new TreeSet<>();
            todo.push(s);
            while (!todo.isEmpty()) {
                int r = todo.pop();
                if (r != s && isStart.get(r)) {
                    overlaps.add(id(r));
                }
                if (seen.get(r)) {
                    continue;
                }
                seen.set(r);
                for (int e : allDown[r]) {
                    todo.push(e);
                }
            }
            if (!overlaps.isEmpty()) {
                throw new OverlappingRevisions("Requested revision " + id(s)
                        + " overlaps with other requested revisions " + String.join(", ", overlaps)
                        + ": one is an ancestor of the other, so name only the newer one.");
            }
        }
        return seen;
    }

    boolean isRealBranchPoint(int i) {
        return allNext[i].length > 1;
    }

    boolean isMerge(int i) {
        return down[i].length > 1;
    }

    String describe(int i) {
        return id(i) + " (" + revs.get(i).origin() + ")";
    }
}
