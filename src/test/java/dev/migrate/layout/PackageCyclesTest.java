package dev.migrate.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * No two packages may import each other, directly or round a loop: a cycle means neither can be
 * understood, tested or replaced without the other. Same-package references need no import, so
 * the package graph built from import lines is the whole graph.
 */
class PackageCyclesTest {
    private static final String OWN = "dev.migrate";

    @Test
    void thePackageGraphHasNoCycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (MainSources.Source s : MainSources.read().files()) {
            Set<String> out = graph.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
            for (String p : s.importedPackages()) if (p.startsWith(OWN) && !p.equals(s.pkg())) out.add(p);
        }
        assertFalse(graph.isEmpty(), "no sources found under src/main/java");
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : new Components(graph).strong()) {
            if (component.size() > 1) cycles.add(String.join(" <-> ", component) + explain(graph, component));
        }
        assertEquals(List.of(), cycles, "packages that import each other round a loop");
    }

    @Test
    void aLoopIsFound() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        List<Set<String>> found = new Components(graph).strong().stream().filter(c -> c.size() > 1).toList();
        assertEquals(List.of(Set.of("a", "b", "c")), found);
    }

    /** The imports inside the component, so the message says which edge to cut. */
    private static String explain(Map<String, Set<String>> graph, Set<String> component) {
        StringBuilder b = new StringBuilder(" (");
        String sep = "";
        for (String from : component) {
            for (String to : graph.getOrDefault(from, Set.of())) {
                if (component.contains(to)) {
                    b.append(sep).append(from).append(" -> ").append(to);
                    sep = ", ";
                }
            }
        }
        return b.append(')').toString();
    }

    /** Tarjan's strongly connected components; recursion is fine at the depth of a package graph. */
    private static final class Components {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> result = new ArrayList<>();

        Components(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> strong() {
            for (String v : new TreeSet<>(graph.keySet())) if (!index.containsKey(v)) visit(v);
            return result;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                result.add(component);
            }
        }
    }
}
