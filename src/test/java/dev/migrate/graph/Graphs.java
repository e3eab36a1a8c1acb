package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small hand-made revision graphs for the tests. */
final class Graphs {
    private final List<Revision> revs = new ArrayList<>();

    static Graphs graph() {
        return new Graphs();
    }

    /** A revision with its down revisions. */
    Graphs rev(String id, String... down) {
        revs.add(new Revision(id, Arrays.asList(down), List.of(), List.of(), id + ".yaml"));
        return this;
    }

    Graphs labelled(String id, String label, String... down) {
        revs.add(new Revision(id, Arrays.asList(down), List.of(label), List.of(), id + ".yaml"));
        return this;
    }

    Graphs depends(String id, List<String> down, String... deps) {
        revs.add(new Revision(id, down, List.of(), Arrays.asList(deps), id + ".yaml"));
        return this;
    }

    RevisionMap build() {
        return new RevisionMap(revs);
    }

    static List<String> ids(List<Step> steps) {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(s.revision().id());
        }
        return out;
    }

    static List<VersionChange> changes(List<Step> steps) {
        List<VersionChange> out = new ArrayList<>();
        for (Step s : steps) {
            out.addAll(s.changes());
        }
        return out;
    }

    static VersionChange ins(String id) {
        return new VersionChange.Insert(id);
    }

    static VersionChange del(String id) {
        return new VersionChange.Delete(id);
    }

    static VersionChange upd(String from, String to) {
        return new VersionChange.Update(from, to);
    }

    /** a1 <- b2 <- c3 <- d4 (ids long enough for prefixes). */
    static RevisionMap linear() {
        return graph().rev("aaaa1").rev("bbbb2", "aaaa1").rev("cccc3", "bbbb2").rev("dddd4", "cccc3").build();
    }

    /** base1 <- bp2, then two branches x (label "xb") and y, merged in mm5. */
    static RevisionMap branched() {
        return graph().rev("base1").rev("bp2", "base1")
                .labelled("x3", "xb", "bp2").rev("x4", "x3")
                .labelled("y3", "yb", "bp2")
                .build();
    }

    static RevisionMap merged() {
        return graph().rev("base1").rev("bp2", "base1")
                .rev("x3", "bp2").rev("y3", "bp2").rev("mm5", "x3", "y3").build();
    }
}
