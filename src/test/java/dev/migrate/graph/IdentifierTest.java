package dev.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierTest {
    private final RevisionMap linear = Graphs.linear();
    private final RevisionMap branched = Graphs.branched();

    @Test
    void symbolicNames() {
        assertEquals(List.of("dddd4"), linear.resolve("head", List.of()));
        assertEquals(List.of("dddd4"), linear.resolve("heads", List.of()));
        assertEquals(List.of(), linear.resolve("base", List.of()));
        assertEquals(List.of("bbbb2"), linear.resolve("current", List.of("bbbb2")));
        assertEquals(List.of("x4", "y3"), branched.resolve("heads", List.of()));
    }

    @Test
    void fullIdAndPrefix() {
        assertEquals(List.of("cccc3"), linear.resolve("cccc3", List.of()));
        assertEquals(List.of("cccc3"), linear.resolve("ccc", List.of()));
    }

    @Test
    void idsWithAlembicsOtherCharactersResolveUpgradeAndDowngrade() {
        RevisionMap m = Graphs.graph().rev("1.0_init").rev("1.2_add", "1.0_init").rev("2.0$x", "1.2_add").build();
        assertEquals(List.of("1.2_add"), m.resolve("1.2_", List.of()));
        assertEquals(List.of("2.0$x"), m.resolve("1.2_add+1", List.of()));
        assertEquals(List.of("1.0_init"), m.resolve("2.0$x-2", List.of()));
        assertEquals(List.of("2.0$x"), m.resolve("1.2_add@head", List.of()));
        assertEquals(List.of("1.2_add", "2.0$x"), Graphs.ids(m.upgrade(List.of("1.0_init"), "head")));
        assertEquals(List.of("2.0$x", "1.2_add"), Graphs.ids(m.downgrade(List.of("2.0$x"), "1.0_")));
        assertEquals(List.of("2.0$x", "1.2_add"), m.history("1.2_add:", List.of()).stream().map(Revision::id).toList());
    }

    @Test
    void ambiguousPrefixListsCandidates() {
        RevisionMap m = Graphs.graph().rev("ab12").rev("ab34", "ab12").build();
        AmbiguousRevision e = assertThrows(AmbiguousRevision.class, () -> m.resolve("ab", List.of()));
        assertTrue(e.getMessage().startsWith("Multiple revisions start with 'ab': 'ab12', 'ab34'"), e.getMessage());
    }

    @Test
    void unknownRevision() {
        RevisionNotFound e = assertThrows(RevisionNotFound.class, () -> linear.resolve("zzzz", List.of()));
        assertTrue(e.getMessage().startsWith("Can't locate revision identified by 'zzzz'"), e.getMessage());
    }

    @Test
    void headWithSeveralHeadsSuggestsHeadsOrBranch() {
        MultipleHeads e = assertThrows(MultipleHeads.class, () -> branched.resolve("head", List.of()));
        assertTrue(e.getMessage().contains("x4, y3"), e.getMessage());
        assertTrue(e.getMessage().contains("'heads'") && e.getMessage().contains("<branch>@head"), e.getMessage());
    }

    @Test
    void relativeFromCurrent() {
        assertEquals(List.of("cccc3"), linear.resolve("+2", List.of("aaaa1")));
        assertEquals(List.of("aaaa1"), linear.resolve("+1", List.of()));
        assertEquals(List.of("bbbb2"), linear.resolve("-2", List.of("dddd4")));
        assertEquals(List.of(), linear.resolve("-1", List.of("aaaa1")));
    }

    @Test
    void relativeToARevision() {
        assertEquals(List.of("dddd4"), linear.resolve("bbbb2+2", List.of()));
        assertEquals(List.of("aaaa1"), linear.resolve("cccc3-2", List.of()));
        assertEquals(List.of("cccc3"), linear.resolve("head-1", List.of()));
    }

    @Test
    void branchForms() {
        assertEquals(List.of("x4"), branched.resolve("xb@head", List.of()));
        assertEquals(List.of("y3"), branched.resolve("yb@head", List.of()));
        assertEquals(List.of("x4"), branched.resolve("xb@heads", List.of()));
        assertEquals(List.of("x3"), branched.resolve("xb", List.of()));
        assertEquals(List.of("y3"), branched.resolve("y3@head", List.of()));
        assertEquals(List.of(), branched.resolve("xb@base", List.of()));
        assertEquals(List.of("x3"), branched.resolve("xb@+1", List.of("bp2")));
        assertEquals(List.of("x4"), branched.resolve("xb@x4", List.of()));
        assertEquals(List.of("x3"), branched.resolve("xb@-1", List.of("x4", "y3")));
    }

    @Test
    void revisionOutsideTheBranch() {
        assertThrows(RevisionNotInBranch.class, () -> branched.resolve("xb@y3", List.of()));
    }

    @Test
    void unknownBranch() {
        RevisionNotFound e = assertThrows(RevisionNotFound.class, () -> branched.resolve("nob@head", List.of()));
        assertTrue(e.getMessage().contains("No such branch: 'nob'"), e.getMessage());
    }

    @Test
    void walkingTooFarFails() {
        assertThrows(InvalidRevisionIdentifier.class, () -> linear.resolve("+9", List.of("aaaa1")));
        assertThrows(InvalidRevisionIdentifier.class, () -> linear.resolve("-9", List.of("bbbb2")));
        assertThrows(InvalidRevisionIdentifier.class, () -> linear.resolve("-1", List.of()));
        assertThrows(InvalidRevisionIdentifier.class, () -> linear.resolve("bbbb2+5", List.of()));
    }

    @Test
    void ambiguousWalkAtABranchPoint() {
        assertThrows(InvalidRevisionIdentifier.class, () -> branched.resolve("+1", List.of("bp2")));
    }

    @Test
    void malformedIdentifiers() {
        assertThrows(InvalidRevisionIdentifier.class, () -> linear.resolve("a:b", List.of()));
        assertThrows(InvalidRevisionIdentifier.class, () -> linear.resolve("", List.of()));
        assertThrows(InvalidRevisionIdentifier.class, () -> linear.resolve("head@", List.of()));
        assertThrows(InvalidRevisionIdentifier.class, () -> linear.resolve("a b", List.of()));
    }
}
