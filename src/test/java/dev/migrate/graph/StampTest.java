package dev.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StampTest {
    @Test
    void stampHeadOnAnEmptyTable() {
        assertEquals(List.of("dddd4"), Graphs.linear().stamp(List.of(), List.of("head"), false));
    }

    @Test
    void stampMovesTheRowUpOrDown() {
        RevisionMap m = Graphs.linear();
        assertEquals(List.of("dddd4"), m.stamp(List.of("bbbb2"), List.of("dddd4"), false));
        assertEquals(List.of("aaaa1"), m.stamp(List.of("cccc3"), List.of("aaaa1"), false));
        assertEquals(List.of("cccc3"), m.stamp(List.of("cccc3"), List.of("cccc3"), false));
    }

    @Test
    void stampBaseEmptiesTheTable() {
        assertEquals(List.of(), Graphs.branched().stamp(List.of("x4", "y3"), List.of("base"), false));
    }

    @Test
    void stampOntoAnotherBranchAddsARow() {
        RevisionMap m = Graphs.branched();
        assertEquals(List.of("x4", "y3"), m.stamp(List.of("x4"), List.of("y3"), false));
        assertEquals(List.of("x4", "y3"), m.stamp(List.of(), List.of("heads"), false));
    }

    @Test
    void stampBranchBaseRemovesOnlyThatBranch() {
        RevisionMap m = Graphs.graph().rev("a1").rev("a2", "a1").labelled("z1", "zb").build();
        assertEquals(List.of("a2"), m.stamp(List.of("a2", "z1"), List.of("zb@base"), false));
    }

    @Test
    void stampDownToTheBranchPointMergesRows() {
        assertEquals(List.of("bp2"), Graphs.branched().stamp(List.of("x4", "y3"), List.of("bp2"), false));
    }

    @Test
    void purgeIgnoresExistingRows() {
        RevisionMap m = Graphs.branched();
        assertEquals(List.of("x3"), m.stamp(List.of("y3"), List.of("x3"), true));
        assertEquals(List.of("y3"), m.stamp(List.of("nope"), List.of("y3"), true));
    }

    @Test
    void stampHeadWithSeveralHeads() {
        assertThrows(MultipleHeads.class, () -> Graphs.branched().stamp(List.of(), List.of("head"), false));
    }
}
