package dev.migrate.graph;

import static dev.migrate.graph.Graphs.changes;
import static dev.migrate.graph.Graphs.del;
import static dev.migrate.graph.Graphs.ids;
import static dev.migrate.graph.Graphs.ins;
import static dev.migrate.graph.Graphs.upd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DowngradeStepsTest {
    @Test
    void linearToBase() {
        List<Step> steps = Graphs.linear().downgrade(List.of("dddd4"), "base");
        assertEquals(List.of("dddd4", "cccc3", "bbbb2", "aaaa1"), ids(steps));
        assertEquals(List.of(upd("dddd4", "cccc3"), upd("cccc3", "bbbb2"), upd("bbbb2", "aaaa1"), del("aaaa1")),
                changes(steps));
        assertFalse(steps.get(0).upgrade());
    }

    @Test
    void minusOneAndToARevision() {
        RevisionMap m = Graphs.linear();
        assertEquals(List.of(upd("dddd4", "cccc3")), changes(m.downgrade(List.of("dddd4"), "-1")));
        assertEquals(List.of("dddd4", "cccc3"), ids(m.downgrade(List.of("dddd4"), "bbbb2")));
        assertEquals(List.of(), m.downgrade(List.of("bbbb2"), "bbbb2"));
    }

    @Test
    void notAnAncestor() {
        RevisionMap m = Graphs.linear();
        assertThrows(RangeNotAncestor.class, () -> m.downgrade(List.of("bbbb2"), "dddd4"));
        RevisionMap b = Graphs.branched();
        assertThrows(RangeNotAncestor.class, () -> b.downgrade(List.of("x4"), "y3"));
    }

    @Test
    void branchBackPastItsBranchPointDeletesItsRow() {
        RevisionMap m = Graphs.branched();
        List<Step> steps = m.downgrade(List.of("x4", "y3"), "xb@base");
        assertEquals(List.of("x4", "x3", "y3", "bp2", "base1"), ids(steps));
    }

    @Test
    void minusOneOnOneOfTwoBranches() {
        RevisionMap m = Graphs.branched();
        List<Step> steps = m.downgrade(List.of("x3", "y3"), "x3@-1");
        assertEquals(List.of("x3"), ids(steps));
        assertEquals(List.of(del("x3")), changes(steps));
    }

    @Test
    void revisionOnBranchDownToBranchPoint() {
        RevisionMap m = Graphs.branched();
        List<Step> steps = m.downgrade(List.of("x4", "y3"), "bp2");
        assertEquals(List.of("x4", "x3", "y3"), ids(steps));
        assertEquals(List.of(upd("x4", "x3"), del("x3"), upd("y3", "bp2")), changes(steps));
    }

    @Test
    void unmergeInsertsTheOtherParent() {
        RevisionMap m = Graphs.merged();
        List<Step> steps = m.downgrade(List.of("mm5"), "y3");
        assertEquals(List.of("mm5"), ids(steps));
        assertEquals(List.of(ins("x3"), upd("mm5", "y3")), changes(steps));
    }

    @Test
    void minusOneFromAMergeIsAmbiguous() {
        assertThrows(InvalidRevisionIdentifier.class, () -> Graphs.merged().downgrade(List.of("mm5"), "-1"));
    }

    @Test
    void onlyWhatDependsOnTheRevertedRevision() {
        RevisionMap m = Graphs.graph().rev("a1").rev("a2", "a1").rev("x1").depends("b2", List.of("x1"), "a2").build();
        List<Step> steps = m.downgrade(List.of("b2"), "a1");
        assertEquals(List.of("b2", "a2"), ids(steps));
        assertEquals(List.of(upd("b2", "x1"), ins("a2"), upd("a2", "a1")).size(), changes(steps).size());
    }

    @Test
    void minusOneWithNothingApplied() {
        assertThrows(InvalidRevisionIdentifier.class, () -> Graphs.linear().downgrade(List.of(), "-1"));
    }
}
