package dev.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionMapTest {
    @Test
    void headsBasesAndChildren() {
        RevisionMap m = Graphs.branched();
        assertEquals(List.of("x4", "y3"), m.heads());
        assertEquals(List.of("base1"), m.bases());
        assertEquals(List.of("bp2"), m.branchPoints());
        assertEquals(List.of("x3", "y3"), m.children("bp2"));
        assertEquals(5, m.size());
        assertEquals("x3", m.get("x3").id());
        assertTrue(m.isBranchPoint("bp2"));
        assertTrue(m.isHead("y3"));
    }

    @Test
    void mergeHasOneHead() {
        RevisionMap m = Graphs.merged();
        assertEquals(List.of("mm5"), m.heads());
        assertTrue(m.isMergePoint("mm5"));
        assertFalse(m.isMergePoint("x3"));
    }

    @Test
    void labelsSpreadUpTheBranchButNotPastTheBranchPoint() {
        RevisionMap m = Graphs.branched();
        assertEquals(Set.of("xb"), m.branchLabels("x4"));
        assertEquals(Set.of("xb"), m.branchLabels("x3"));
        assertEquals(Set.of(), m.branchLabels("bp2"));
    }

    @Test
    void labelOnAChainReachesDownToTheBase() {
        RevisionMap m = Graphs.graph().rev("a1").rev("b2", "a1").labelled("c3", "lib", "b2").rev("d4", "c3").build();
        assertEquals(Set.of("lib"), m.branchLabels("a1"));
        assertEquals(Set.of("lib"), m.branchLabels("d4"));
    }

    @Test
    void dependsOnMakesRealHeadsDiffer() {
        RevisionMap m = Graphs.graph().rev("a1").rev("x1").depends("b2", List.of("a1"), "x1").build();
        assertEquals(List.of("x1", "b2"), m.heads());
        assertEquals(List.of("b2"), m.realHeads());
        assertEquals(List.of("b2"), m.resolveDependencies());
        assertEquals(List.of("a1", "x1"), m.bases());
    }

    @Test
    void atHeadsComparesRowsWithHeads() {
        RevisionMap m = Graphs.branched();
        assertTrue(m.atHeads(List.of("y3", "x4")));
        assertFalse(m.atHeads(List.of("x4")));
        assertFalse(m.atHeads(List.of()));
    }

    @Test
    void allCurrentAddsWhatDependsOnImplies() {
        RevisionMap m = Graphs.graph().rev("a1").rev("x1").rev("x2", "x1").depends("b2", List.of("a1"), "x2").build();
        assertEquals(List.of("x2", "b2"), m.allCurrent(List.of("b2")));
    }
}
