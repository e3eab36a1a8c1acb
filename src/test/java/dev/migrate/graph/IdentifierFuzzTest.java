package dev.migrate.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.migrate.support.Fuzz;
import dev.migrate.errors.GraphException;

/**
 * Revision identifiers and ranges glued from the pieces of the grammar (section 5), on a graph
 * with branches, labels, a merge and a dependency, from many database states; and random graphs.
 * Every one resolves or is refused with a clear error.
 */
class IdentifierFuzzTest {
    /**
     * <pre>
     * a1 - b2 - c3 ---------- m5 - n6
     *        \               /
     *         d3 (feature) - e4 - f5 (depends on c3)
     * x1 (other) - y2
     * </pre>
     */
    private static final RevisionMap GRAPH = new RevisionMap(List.of(
            rev("a1", List.of(), List.of(), List.of()),
            rev("b2", List.of("a1"), List.of(), List.of()),
            rev("c3", List.of("b2"), List.of(), List.of()),
            rev("d3", List.of("b2"), List.of("feature"), List.of()),
            rev("e4", List.of("d3"), List.of(), List.of()),
            rev("f5", List.of("e4"), List.of(), List.of("c3")),
            rev("m5", List.of("c3", "e4"), List.of(), List.of()),
            rev("n6", List.of("m5"), List.of(), List.of()),
            rev("x1", List.of(), List.of("other"), List.of()),
            rev("y2", List.of("x1"), List.of(), List.of())));
    private static final List<String> IDS = List.of("a1", "b2", "c3", "d3", "e4", "f5", "m5", "n6", "x1", "y2");
    private static final List<String> PIECES = List.of("a1", "b2", "c3", "d3", "e4", "f5", "m5", "n6", "x1", "y2", "a", "c",
            "head", "heads", "base", "current", "feature", "other", "@", "+", "-", "1", "2", "0", "3", "10", "99999999999",
            "2147483648", "99999999999999999999", ":", "::", " ", "%", "_", "é", "-0", "+0", "head-1", "feature@head",
            "feature@base", "other@+1", "@head", "heads@head", "c3@head", "x1@-1", "base+2", "current-1", "f5+1", "\n");

    private static Revision rev(String id, List<String> down, List<String> labels, List<String> deps) {
        return new Revision(id, down, labels, deps, id + ".yaml");
    }

    private static String identifier(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = 1 + r.nextInt(4); i > 0; i--) s.append(Fuzz.pick(r, PIECES));
        return s.toString();
    }

    /** Rows a version table might hold: nothing, one or two revisions, some impossible together, one unknown. */
    private static List<String> rows(Random r) {
        List<String> out = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            String id = r.nextInt(15) == 0 ? "zz9" : Fuzz.pick(r, IDS);
            if (!out.contains(id)) out.add(id);
        }
        return out;
    }

    /** What the fuzzing found once, kept as plain cases. */
    @Test
    void countsBeyondAnIntAreRefusedLikeAnyCountTooLarge() {
        InvalidRevisionIdentifier up = assertThrows(InvalidRevisionIdentifier.class, () -> GRAPH.upgrade(List.of("n6"), "+99999999999999999999"));
        assertEquals("Relative revision +99999999999999999999 didn't produce 99999999999999999999 migrations: there are not"
                + " that many revisions in that direction.", up.getMessage());
        assertThrows(InvalidRevisionIdentifier.class, () -> GRAPH.downgrade(List.of("n6"), "-2147483648"));
        assertThrows(InvalidRevisionIdentifier.class, () -> GRAPH.resolve("n6+0000000000001", List.of()));
        assertEquals(List.of("b2"), GRAPH.resolve("+000000000001", List.of("a1")));
    }

    @Test
    void aRangeWhoseHeadIsReachedOnlyThroughALeftOutDependencyIsListed() {
        RevisionMap g = new RevisionMap(List.of(rev("r3", List.of(), List.of(), List.of()),
                rev("r6", List.of("r3"), List.of(), List.of()), rev("r8", List.of("r6"), List.of("l2"), List.of()),
                rev("r10", List.of("r6"), List.of(), List.of()), rev("r5", List.of("r10"), List.of(), List.of()),
                rev("r2", List.of(), List.of(), List.of("l2"))));
        assertEquals(List.of("r5", "r10", "r8", "r6"), g.history("r3+1:", List.of()).stream().map(Revision::id).toList());
    }

    @Test
    void identifiersResolveOrAreRefused() {
        Fuzz.check(17L, 20000, IdentifierFuzzTest::identifier, id -> {
            Random r = new Random(id.hashCode());
            GRAPH.resolve(id, rows(r));
        });
    }

    @Test
    void upgradeDowngradeAndStampTargets() {
        Fuzz.check(19L, 20000, IdentifierFuzzTest::identifier, id -> {
            Random r = new Random(id.hashCode());
            List<String> rows = rows(r);
            switch (Math.floorMod(id.hashCode(), 3)) {
                case 0 -> GRAPH.upgrade(rows, id);
                case 1 -> GRAPH.downgrade(rows, id);
                default -> GRAPH.stamp(rows, List.of(id), r.nextBoolean());
            }
        });
    }

    @Test
    void historyRanges() {
        Fuzz.check(23L, 20000, r -> identifier(r) + Fuzz.pick(r, List.of(":", "", "::")) + identifier(r),
                range -> GRAPH.history(range, rows(new Random(range.hashCode()))));
    }

    @Test
    void randomGraphs() {
        Fuzz.check(29L, 3000, r -> String.valueOf(r.nextLong()), seed -> {
            Random r = new Random(Long.parseLong(seed));
            int n = 1 + r.nextInt(12);
            List<Revision> revs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> down = new ArrayList<>();
                for (int k = r.nextInt(3); k > 0; k--) down.add("r" + r.nextInt(n + 1));
                List<String> labels = r.nextInt(4) == 0 ? List.of("l" + r.nextInt(3)) : List.of();
                List<String> deps = r.nextInt(4) == 0 ? List.of(r.nextBoolean() ? "r" + r.nextInt(n) : "l" + r.nextInt(3)) : List.of();
                revs.add(rev("r" + i, down, labels, deps));
            }
            RevisionMap graph = new RevisionMap(revs);
            for (int k = 0; k < 20; k++) {
                String id = r.nextBoolean() ? "r" + r.nextInt(n) + Fuzz.pick(r, List.of("", "+1", "-1", "@head", "@base"))
                        : Fuzz.pick(r, List.of("head", "heads", "base", "l0@head", "l1@base", "-1", "+2", "l2"));
                List<String> rows = new ArrayList<>();
                if (r.nextBoolean()) rows.add("r" + r.nextInt(n));
                try {
                    switch (r.nextInt(4)) {
                        case 0 -> graph.upgrade(rows, id);
                        case 1 -> graph.downgrade(rows, id);
                        case 2 -> graph.history(id + ":" + Fuzz.pick(r, List.of("heads", "current", "base", "")), rows);
                        default -> graph.resolve(id, rows);
                    }
                } catch (GraphException refused) {
                    // This one is refused; the next questions still go to the same graph.
                }
            }
        });
    }
}
