package dev.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.migrate.errors.GraphException;

class GraphErrorsTest {
    @Test
    void duplicateNamesBothFiles() {
        List<Revision> revs = List.of(new Revision("a1", List.of(), List.of(), List.of(), "one.yaml"),
                new Revision("a1", List.of(), List.of(), List.of(), "two.yaml"));
        DuplicateRevision e = assertThrows(DuplicateRevision.class, () -> new RevisionMap(revs));
        assertTrue(e.getMessage().contains("one.yaml") && e.getMessage().contains("two.yaml"), e.getMessage());
        assertEquals(1, e.exitCode());
    }

    @Test
    void missingDownRevisionNamesFileAndId() {
        DownRevisionNotFound e = assertThrows(DownRevisionNotFound.class,
                () -> Graphs.graph().rev("a1").rev("b2", "zz9").build());
        assertTrue(e.getMessage().contains("b2.yaml") && e.getMessage().contains("zz9"), e.getMessage());
    }

    @Test
    void missingDependency() {
        DependencyNotFound e = assertThrows(DependencyNotFound.class,
                () -> Graphs.graph().rev("a1").depends("b2", List.of("a1"), "nolabel").build());
        assertTrue(e.getMessage().contains("b2.yaml") && e.getMessage().contains("nolabel"), e.getMessage());
    }

    @Test
    void cycleNamesOnlyTheLoop() {
        CycleDetected e = assertThrows(CycleDetected.class,
                () -> Graphs.graph().rev("a1").rev("b2", "a1", "c3").rev("c3", "b2").rev("d4", "c3").build());
        assertTrue(e.getMessage().contains("b2 (b2.yaml)") && e.getMessage().contains("c3 (c3.yaml)"), e.getMessage());
        assertTrue(!e.getMessage().contains("a1") && !e.getMessage().contains("d4"), e.getMessage());
    }

    @Test
    void selfLoop() {
        assertThrows(CycleDetected.class, () -> Graphs.graph().rev("a1", "a1").build());
    }

    @Test
    void dependencyCycle() {
        DependencyCycleDetected e = assertThrows(DependencyCycleDetected.class,
                () -> Graphs.graph().depends("a1", List.of(), "b2").rev("b2", "a1").build());
        assertTrue(e.getMessage().startsWith("Dependency cycle"), e.getMessage());
    }

    @Test
    void labelUsedTwiceOrEqualToAnId() {
        assertThrows(BranchLabelConflict.class,
                () -> Graphs.graph().labelled("a1", "lib").labelled("b2", "lib", "a1").build());
        BranchLabelConflict e = assertThrows(BranchLabelConflict.class,
                () -> Graphs.graph().labelled("a1", "b2").rev("b2", "a1").build());
        assertTrue(e.getMessage().contains("a1.yaml"), e.getMessage());
    }

    @Test
    void reservedCharacterInId() {
        assertThrows(IllegalRevisionId.class, () -> Graphs.graph().rev("a-1").build());
    }

    @Test
    void everyGraphErrorIsAMigrateExceptionWithExitOne() {
        MigrateException e = assertThrows(GraphException.class, () -> Graphs.linear().resolve("nope", List.of()));
        assertEquals(1, e.exitCode());
    }

    @Test
    void overlappingRows() {
        assertThrows(OverlappingRevisions.class, () -> Graphs.linear().upgrade(List.of("aaaa1", "cccc3"), "head"));
    }
}
