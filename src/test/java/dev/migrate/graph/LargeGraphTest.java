package dev.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A 12,000-revision graph: a long main chain with side branches merged back, branch labels,
 * and depends_on into a second tree. Operations must finish without deep recursion or quadratic work.
 */
class LargeGraphTest {
    private static final int MAIN = 10_000;

    private static String id(String prefix, int i) {
        return String.format("%s%05d", prefix, i);
    }

    private static RevisionMap build() {
        List<Revision> revs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            revs.add(new Revision(id("lib", i), i == 0 ? List.of() : List.of(id("lib", i - 1)),
                    i == 0 ? List.of("library") : List.of(), List.of(), "lib.yaml"));
        }
        String pendingSide = null;
        for (int i = 0; i < MAIN; i++) {
            List<String> down = new ArrayList<>();
            if (i > 0) {
                down.add(id("m", i - 1));
            }
            if (i % 100 == 50 && pendingSide != null) {
                down.add(pendingSide);
                pendingSide = null;
            }
            List<String> deps = i % 500 == 7 ? List.of(id("lib", i / 10)) : List.of();
            List<String> labels = i % 1000 == 999 ? List.of("rel" + i) : List.of();
            revs.add(new Revision(id("m", i), down, labels, deps, "m.yaml"));
            if (i % 100 == 10) {
                String parent = id("m", i);
                for (int k = 0; k < 10; k++) {
                    String side = id("s" + i + "x", k);
                    revs.add(new Revision(side, List.of(parent), List.of(), List.of(), "s.yaml"));
                    parent = side;
                }
                pendingSide = parent;
            }
        }
        return new RevisionMap(revs);
    }

    @Test
    void upgradeFromBaseToHeadRunsEveryRevisionOnceInOrder() {
        RevisionMap m = build();
        List<Step> steps = m.upgrade(List.of(), "heads");
        assertEquals(m.size(), steps.size());
        Set<String> done = new HashSet<>();
        for (Step s : steps) {
            assertTrue(done.containsAll(s.revision().downRevisions()), s.revision().id());
            assertTrue(done.containsAll(s.revision().dependsOn().stream()
                    .map(d -> d.equals("library") ? id("lib", 0) : d).toList()), s.revision().id());
            done.add(s.revision().id());
        }
        Set<String> rows = new HashSet<>();
        for (Step s : steps) {
            for (VersionChange c : s.changes()) {
                if (c instanceof VersionChange.Insert ins) {
                    assertTrue(rows.add(ins.id()));
                } else if (c instanceof VersionChange.Delete del) {
                    assertTrue(rows.remove(del.id()));
                } else if (c instanceof VersionChange.Update upd) {
                    assertTrue(rows.remove(upd.from()));
                    assertTrue(rows.add(upd.to()));
                }
            }
        }
        assertEquals(new HashSet<>(m.realHeads()), rows);
    }

    @Test
    void downgradeToBaseAndHistoryAndResolve() {
        RevisionMap m = build();
        List<String> heads = m.realHeads();
        assertEquals(m.size(), m.downgrade(heads, "base").size());
        assertEquals(m.size(), m.history(null, List.of()).size());
        assertEquals(List.of(id("m", MAIN - 1)), m.resolve("m09999", List.of()));
        assertEquals(List.of(id("m", MAIN - 41)), m.resolve("-40", List.of(id("m", MAIN - 1))));
        assertEquals(List.of(id("lib", 9)), m.resolve("lib00999-990", List.of()));
        assertEquals(List.of(id("m", MAIN - 2)), m.resolve(id("m", MAIN - 1) + "-1", List.of()));
        assertEquals(2, m.heads().size());
        assertEquals(111, m.history("m09899:", List.of()).size());
        assertTrue(m.branchPoints().size() >= 100);
        assertEquals(List.of(id("m", MAIN - 1)), m.stamp(List.of(id("m", 3)), List.of(id("m", MAIN - 1)), false));
    }
}
