package dev.migrate.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Cycle detection and topological order, both by counting edges (Kahn), so both are linear. */
final class GraphChecks {
    private GraphChecks() {
    }

    static void detectCycles(Graph g) {
        List<Integer> cycle = stuck(g, g.down, g.next);
        if (!cycle.isEmpty()) {
            throw new CycleDetected("Cycle is detected in revisions " + describe(g, cycle)
                    + ": their down_revision links form a loop.");
        }
        cycle = stuck(g, g.allDown, g.allNext);
        if (!cycle.isEmpty()) {
            throw new DependencyCycleDetected("Dependency cycle is detected in revisions " + describe(g, cycle)
                    + ": their down_revision and depends_on links together form a loop.");
        }
    }

    private static String describe(Graph g, List<Integer> idx) {
        List<String> parts = new ArrayList<>();
        for (int i : idx) {
            parts.add(g.describe(i));
        }
        return String.join(", ", parts);
    }

    /**
     * Revisions on a loop: those neither peeling from the bottom nor from the top reaches
     * (revisions merely above or below a loop are reached from one side).
     */
    private static List<Integer> stuck(Graph g, int[][] downEdges, int[][] upEdges) {
        BitSet fromBottom = peel(g.n, downEdges, upEdges);
        BitSet fromTop = peel(g.n, upEdges, downEdges);
        List<Integer> both = new ArrayList<>();
        List<Integer> any = new ArrayList<>();
        for (int i = 0; i < g.n; i++) {
            if (!fromBottom.get(i) && !fromTop.get(i)) {
                both.add(i);
            }
            if (!fromBottom.get(i)) {
                any.add(i);
            }
        }
        return both.isEmpty() ? any : both;
    }

    /** The revisions that peeling nodes without remaining incoming edges reaches. */
    private static BitSet peel(int n, int[][] in, int[][] out) {
        int[] order = new int[n];
        int count = kahn(in, out, order);
        BitSet done = new BitSet(n);
        for (int k = 0; k < count; k++) done.set(order[k]);
        return done;
    }

    /** Parents before children; the graph is known to be acyclic here. */
    static int[] topologicalOrder(int[][] in, int[][] out) {
        int[] order = new int[in.length];
        kahn(in, out, order);
        return order;
    }

    /** Fills {@code order} with the nodes Kahn's algorithm reaches, in that order, and gives how many it reached. */
    private static int kahn(int[][] in, int[][] out, int[] order) {
        int n = in.length;
        int[] remaining = new int[n];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            remaining[i] = in[i].length;
            if (remaining[i] == 0) {
                ready.add(i);
            }
        }
        int k = 0;
        while (!ready.isEmpty()) {
            int r = ready.poll();
            order[k++] = r;
            for (int c : out[r]) {
                if (--remaining[c] == 0) {
                    ready.add(c);
                }
            }
        }
        return k;
    }
}
