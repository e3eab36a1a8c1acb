package dev.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static List<String> ids(List<Revision> revs) {
        List<String> out = new ArrayList<>();
        for (Revision r : revs) {
            out.add(r.id());
        }
        return out;
    }

    @Test
    void everythingNewestFirst() {
        assertEquals(List.of("dddd4", "cccc3", "bbbb2", "aaaa1"), ids(Graphs.linear().history(null, List.of())));
        assertEquals(List.of("x4", "x3", "y3", "bp2", "base1"), ids(Graphs.branched().history(null, List.of())));
        assertEquals(List.of("mm5", "x3", "y3", "bp2", "base1"), ids(Graphs.merged().history(":", List.of())));
    }

    @Test
    void ranges() {
        RevisionMap m = Graphs.linear();
        assertEquals(List.of("cccc3", "bbbb2"), ids(m.history("bbbb2:cccc3", List.of())));
        assertEquals(List.of("dddd4", "cccc3"), ids(m.history("cccc3:", List.of())));
        assertEquals(List.of("bbbb2", "aaaa1"), ids(m.history(":bbbb2", List.of())));
        assertEquals(List.of("dddd4", "cccc3"), ids(m.history("-1:", List.of())));
    }

    @Test
    void currentOnEitherSide() {
        RevisionMap m = Graphs.linear();
        assertEquals(List.of("bbbb2", "aaaa1"), ids(m.history(":current", List.of("bbbb2"))));
        assertEquals(List.of("dddd4", "cccc3", "bbbb2"), ids(m.history("current:", List.of("bbbb2"))));
    }

    @Test
    void branchRange() {
        assertEquals(List.of("x4", "x3"), ids(Graphs.branched().history("x3:xb@head", List.of())));
    }

    @Test
    void startNotAnAncestorOfEnd() {
        assertThrows(RangeNotAncestor.class, () -> Graphs.linear().history("cccc3:bbbb2", List.of()));
        assertThrows(RangeNotAncestor.class, () -> Graphs.branched().history("y3:x4", List.of()));
    }

    @Test
    void rangeNeedsAColon() {
        assertThrows(InvalidRevisionIdentifier.class, () -> Graphs.linear().history("bbbb2", List.of()));
        assertThrows(InvalidRevisionIdentifier.class, () -> Graphs.linear().history("a:b:c", List.of()));
    }
}
