package dev.migrate.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The version table's rows (one per head) as steps run, and the row changes each step makes
 * (Alembic's HeadMaintainer with RevisionStep). Ancestors of the other heads are cached while
 * those heads stay the same, so walking one branch down past another stays linear.
 */
final class VersionRows {
    private final Graph g;
    private final Set<Integer> rows = new LinkedHashSet<>();
    private Set<Integer> cachedKey;
    private BitSet cachedAncestors;

    VersionRows(Graph g, int[] current) {
        this.g = g;
        for (int c : current) {
            rows.add(c);
        }
    }

    List<String> ids() {
        return g.ids(rows);
    }

    List<VersionChange> step(int rev, boolean upgrade) {
        List<VersionChange> changes = new ArrayList<>();
        int[] downs = g.normDown[rev];
        if (!upgrade && rows.contains(rev) && (downs.length == 0 || unmergeTo(rev).isEmpty())) {
            delete(rev, changes);
        } else if (upgrade && noneIn(downs)) {
            insert(rev, changes);
        } else if (upgrade && downs.length > 1 && countIn(downs) > 1) {
            List<Integer> from = new ArrayList<>();
            Set<Integer> others = new TreeSet<>(rows);
            for (int d : downs) {
                others.remove(d);
            }
            BitSet below = others.isEmpty() ? new BitSet() : ancestorsOf(others);
            for (int d : downs) {
                if (!below.get(d)) {
                    from.add(d);
                }
            }
            if (from.isEmpty()) {
                throw mismatch("merge " + g.id(rev));
            }
            for (int d : from.subList(0, from.size() - 1)) {
                delete(d, changes);
            }
            update(from.get(from.size() - 1), rev, changes);
        } else if (!upgrade && rows.contains(rev) && downs.length > 1) {
            List<Integer> to = unmergeTo(rev);
            for (int d : to.subList(0, to.size() - 1)) {
                insert(d, changes);
            }
            update(rev, to.get(to.size() - 1), changes);
        } else {
            int other;
            if (downs.length == 1) {
                other = downs[0];
            } else {
                List<Integer> present = new ArrayList<>();
                for (int d : downs) {
                    if (rows.contains(d)) {
                        present.add(d);
                    }
                }
                if (present.size() != 1) {
                    throw mismatch((upgrade ? "upgrade " : "downgrade ") + g.id(rev));
                }
                other = present.get(0);
            }
            if (upgrade) {
                update(other, rev, changes);
            } else {
                update(rev, other, changes);
            }
        }
        return changes;
    }

    /** The down revisions a downgrade of a head leaves as rows: those no other head already implies. */
    private List<Integer> unmergeTo(int rev) {
        int[] downs = g.normDown[rev];
        Set<Integer> others = new TreeSet<>(rows);
        others.remove(rev);
        List<Integer> out = new ArrayList<>();
        if (!others.isEmpty()) {
            BitSet below = ancestorsOf(others);
            for (int d : downs) {
                if (!below.get(d)) {
                    out.add(d);
                }
            }
            return out;
        }
        if (downs.length == 1) {
            out.add(downs[0]);
            return out;
        }
        for (int d : downs) {
            boolean implied = false;
            for (int e : downs) {
                if (e != d && g.ancestors(new int[] {e}, true).get(d)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                out.add(d);
            }
        }
        return out;
    }

    private BitSet ancestorsOf(Set<Integer> heads) {
        if (!heads.equals(cachedKey)) {
            cachedKey = new TreeSet<>(heads);
            cachedAncestors = g.ancestors(Graph.toArray(heads), true);
        }
        return cachedAncestors;
    }

    private boolean noneIn(int[] downs) {
        return countIn(downs) == 0;
    }

    private int countIn(int[] downs) {
        int k = 0;
        for (int d : downs) {
            if (rows.contains(d)) {
                k++;
            }
        }
        return k;
    }

    void insert(int rev, List<VersionChange> changes) {
        if (!rows.add(rev)) {
            throw mismatch("insert " + g.id(rev));
        }
        changes.add(new VersionChange.Insert(g.id(rev)));
    }

    void delete(int rev, List<VersionChange> changes) {
        if (!rows.remove(rev)) {
            throw mismatch("delete " + g.id(rev));
        }
        changes.add(new VersionChange.Delete(g.id(rev)));
    }

    /** Replaces the row in place, so row order stays stable for display. */
    void update(int from, int to, List<VersionChange> changes) {
        if (!rows.contains(from) || rows.contains(to)) {
            throw mismatch("update " + g.id(from) + " to " + g.id(to));
        }
        List<Integer> copy = new ArrayList<>(rows);
        copy.set(copy.indexOf(from), to);
        rows.clear();
        rows.addAll(copy);
        changes.add(new VersionChange.Update(g.id(from), g.id(to)));
    }

    boolean contains(int rev) {
        return rows.contains(rev);
    }

    private VersionTableMismatch mismatch(String what) {
        return new VersionTableMismatch("The version table rows (" + String.join(", ", ids())
                + ") do not allow the step '" + what + "'; the table and the revision files disagree. "
                + "Check 'current' and fix the rows with 'stamp'.");
    }
}
