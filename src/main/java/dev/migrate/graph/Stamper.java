package dev.migrate.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Computes the version rows after a stamp, like Alembic's _stamp_revs run through HeadMaintainer. */
final class Stamper {
    private final Graph g;
    private final RevisionIdentifiers ids;

    Stamper(Graph g, RevisionIdentifiers ids) {
        this.g = g;
        this.ids = ids;
    }

    List<String> stamp(int[] current, List<String> targets, boolean purge) {
        int[] heads = purge ? new int[0] : current;
        List<String> wanted = targets.isEmpty() ? List.of("base") : targets;
        Set<Integer> filtered = new LinkedHashSet<>();
        List<Integer> dests = new ArrayList<>();
        for (String t : wanted) {
            String target = t == null || t.isEmpty() ? "base" : t;
            for (int h : ids.filterLineage(heads, target, true)) {
                filtered.add(h);
            }
            for (int d : ids.revisions(target)) {
                dests.add(d);
            }
        }
        if (dests.isEmpty()) {
            dests.add(RevisionIdentifiers.NIL);
        }
        VersionRows rows = new VersionRows(g, heads);
        List<VersionChange> ignored = new ArrayList<>();
        List<Integer> from = new ArrayList<>(filtered);
        for (int dest : dests) {
            if (dest == RevisionIdentifiers.NIL) {
                for (int h : from) {
                    rows.delete(h, ignored);
                }
                continue;
            }
            if (filtered.contains(dest)) {
                continue;
            }
            BitSet above = g.descendants(new int[] {dest}, true);
            BitSet below = g.ancestors(new int[] {dest}, true);
            boolean headsAbove = from.stream().anyMatch(above::get);
            boolean headsBelow = from.stream().anyMatch(below::get);
            if (headsAbove || headsBelow) {
                boolean allPresent = from.stream().allMatch(rows::contains);
                if (headsBelow && !allPresent && !rows.contains(dest)) {
                    rows.insert(dest, ignored);
                } else if (from.size() > 1) {
                    for (int h : from.subList(0, from.size() - 1)) {
                        rows.delete(h, ignored);
                    }
                    rows.update(from.get(from.size() - 1), dest, ignored);
                } else {
                    rows.update(from.get(0), dest, ignored);
                }
            } else if (!rows.contains(dest)) {
                rows.insert(dest, ignored);
            }
        }
        return rows.ids();
    }
}
