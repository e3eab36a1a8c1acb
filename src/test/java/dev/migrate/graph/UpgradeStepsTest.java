package dev.migrate.graph;

import static dev.migrate.graph.Graphs.changes;
import static dev.migrate.graph.Graphs.del;
import static dev.migrate.graph.Graphs.ids;
import static dev.migrate.graph.Graphs.ins;
import static dev.migrate.graph.Graphs.upd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeStepsTest {
    @Test
    void linearFromBase() {
        List<Step> steps = Graphs.linear().upgrade(List.of(), "head");
        assertEquals(List.of("aaaa1", "bbbb2", "cccc3", "dddd4"), ids(steps));
        assertEquals(List.of(ins("aaaa1"), upd("aaaa1", "bbbb2"), upd("bbbb2", "cccc3"), upd("cccc3", "dddd4")),
                changes(steps));
        assertTrue(steps.get(0).upgrade());
        assertEquals(List.of("aaaa1"), steps.get(1).from());
        assertEquals(List.of("bbbb2"), steps.get(1).to());
    }

    @Test
    void relativeAndAlreadyThere() {
        RevisionMap m = Graphs.linear();
        assertEquals(List.of("bbbb2", "cccc3"), ids(m.upgrade(List.of("aaaa1"), "+2")));
        assertEquals(List.of(), m.upgrade(List.of("dddd4"), "head"));
        assertEquals(List.of(), m.upgrade(List.of("dddd4"), "bbbb2"));
    }

    @Test
    void branchesGetOneRowEach() {
        RevisionMap m = Graphs.branched();
        List<Step> steps = m.upgrade(List.of(), "heads");
        assertEquals(List.of("base1", "bp2", "y3", "x3", "x4"), ids(steps));
        assertEquals(List.of(ins("base1"), upd("base1", "bp2"), upd("bp2", "y3"), ins("x3"), upd("x3", "x4")),
                changes(steps));
    }

    @Test
    void oneBranchByLabel() {
        RevisionMap m = Graphs.branched();
        List<Step> steps = m.upgrade(List.of("y3"), "xb@head");
        assertEquals(List.of("x3", "x4"), ids(steps));
        assertEquals(List.of(ins("x3"), upd("x3", "x4")), changes(steps));
    }

    @Test
    void mergeDeletesOneRowAndUpdatesTheOther() {
        RevisionMap m = Graphs.merged();
        List<Step> steps = m.upgrade(List.of("x3", "y3"), "head");
        assertEquals(List.of("mm5"), ids(steps));
        assertEquals(List.of(del("x3"), upd("y3", "mm5")), changes(steps));
    }

    @Test
    void mergeFromBaseRunsBothBranches() {
        List<Step> steps = Graphs.merged().upgrade(List.of(), "head");
        assertEquals(List.of("base1", "bp2", "y3", "x3", "mm5"), ids(steps));
        assertEquals(List.of(ins("base1"), upd("base1", "bp2"), upd("bp2", "y3"), ins("x3"), del("x3"),
                upd("y3", "mm5")), changes(steps));
    }

    @Test
    void dependsOnPullsInTheOtherTree() {
        RevisionMap m = Graphs.graph().rev("a1").rev("x1").rev("x2", "x1").depends("b2", List.of("a1"), "x2").build();
        List<Step> steps = m.upgrade(List.of(), "b2");
        assertEquals(List.of("x1", "x2", "a1", "b2"), ids(steps));
        assertEquals(List.of(ins("x1"), upd("x1", "x2"), ins("a1"), del("a1"), upd("x2", "b2")), changes(steps));
    }

    @Test
    void multipleBasesRunLikeAlembicTheLastGivenTreeFirst() {
        RevisionMap m = Graphs.graph().rev("a1").rev("a2", "a1").rev("z1").build();
        List<Step> steps = m.upgrade(List.of(), "heads");
        assertEquals(List.of(ins("z1"), ins("a1"), upd("a1", "a2")), changes(steps));
    }

    @Test
    void headIsAmbiguousWithTwoHeads() {
        assertThrows(MultipleHeads.class, () -> Graphs.branched().upgrade(List.of(), "head"));
    }

    @Test
    void unknownRowInTheVersionTable() {
        assertThrows(RevisionNotFound.class, () -> Graphs.linear().upgrade(List.of("nope"), "head"));
    }
}
