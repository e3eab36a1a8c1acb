package dev.migrate.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns identifiers (README, "Revision identifiers") into revision indexes, following Alembic's
 * RevisionMap.get_revisions / _walk / _parse_upgrade_target / _parse_downgrade_target.
 * An empty result means "base".
 */
final class RevisionIdentifiers {
    /** "No revision": before the bases when walking up, or a walk that went too far. */
    static final int NIL = -2;
    /** The position below every base, reached by walking down past one. */
    static final int BASE = -1;

    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?([^@+\\-:\\s]+)?([+-]\\d+)");
    private static final Pattern NEGATIVE = Pattern.compile("-\\d+");

    private final Graph g;

    RevisionIdentifiers(Graph g) {
        this.g = g;
    }

    /** A revision identifier split into what it names and the branch it was qualified with. */
    record Parsed(int[] revs, String branch) {
    }

    static Matcher relative(String identifier) {
        Matcher m = RELATIVE.matcher(identifier);
        return m.matches() ? m : null;
    }

    /** Alembic's _resolve_revision_number: symbolic names, without prefix lookup yet. */
    private Parsed number(String identifier) {
        String branch = null;
        String rest = identifier;
        int at = identifier.indexOf('@');
        if (at >= 0) {
            branch = identifier.substring(0, at);
            rest = identifier.substring(at + 1);
        }
        if (rest.equals("heads")) {
            return new Parsed(branch != null ? filterLineage(g.heads, branch, false) : g.realHeads, branch);
        }
        if (rest.equals("head")) {
            int h = currentHead(branch);
            return new Parsed(h == NIL ? new int[0] : new int[] {h}, branch);
        }
        if (rest.equals("base") || rest.isEmpty()) {
            return new Parsed(new int[0], branch);
        }
        return null;
    }

    /** All revisions an identifier names (get_revisions). */
    int[] revisions(String identifier) {
        Parsed p = number(identifier);
        if (p != null) {
            return p.revs();
        }
        int at = identifier.indexOf('@');
        String branch = at >= 0 ? identifier.substring(0, at) : null;
        String rest = at >= 0 ? identifier.substring(at + 1) : identifier;
        if (NEGATIVE.matcher(rest).matches()) {
            return walkDownFromHeads(branch, steps(rest));
        }
        return new int[] {forIdent(rest, branch)};
    }

    private int[] walkDownFromHeads(String branch, int steps) {
        List<Integer> out = new ArrayList<>();
        for (int h : g.realHeads) {
            if (branch == null || g.labels.get(h).contains(branch)) {
                int r = walk(h, steps, null, true);
                if (r >= 0) {
                    out.add(r);
                }
            }
        }
        return Graph.toArray(out);
    }

    /** Exactly one revision, or NIL for base (get_revision). */
    int revision(String identifier) {
        Parsed p = number(identifier);
        if (p != null) {
            if (p.revs().length > 1) {
                throw multipleHeads(p.revs(), identifier);
            }
            return p.revs().length == 0 ? NIL : p.revs()[0];
        }
        int[] r = revisions(identifier);
        if (r.length > 1) {
            throw multipleHeads(r, identifier);
        }
        return r.length == 0 ? NIL : r[0];
    }

    MultipleHeads multipleHeads(int[] heads, String argument) {
        return new MultipleHeads("Multiple heads are present for given argument '" + argument + "'; "
                + String.join(", ", g.ids(heads)) + ". Use 'heads' to mean all of them, or '<branch>@head' "
                + "(a branch label or revision, then @head) to pick one branch.");
    }

    int currentHead(String branch) {
        int[] hs = branch == null ? g.heads : filterLineage(g.heads, branch, false);
        if (hs.length > 1) {
            throw multipleHeads(hs, branch == null ? "head" : branch + "@head");
        }
        return hs.length == 0 ? NIL : hs[0];
    }

    /** A branch label, a revision id or a unique prefix naming the revision a branch is defined by. */
    int branch(String label) {
        Integer r = g.labelOwner.get(label);
        if (r == null) {
            r = g.byId.get(label);
        }
        if (r != null) {
            return r;
        }
        try {
            return forIdent(label, null);
        } catch (RevisionNotFound e) {
            throw new RevisionNotFound("No such branch: '" + label + "'; it is neither a branch label nor a revision.");
        }
    }

    /** A full id, a label or a unique prefix, optionally checked against a branch (_revision_for_ident). */
    int forIdent(String ident, String branch) {
        int branchRev = branch != null ? branch(branch) : NIL;
        Integer r = g.byId.get(ident);
        if (r == null) {
            r = g.labelOwner.get(ident);
        }
        if (r == null) {
            List<String> matches = new ArrayList<>();
            for (Map.Entry<String, Integer> e : g.keys.tailMap(ident, true).entrySet()) {
                if (!e.getKey().startsWith(ident)) {
                    break;
                }
                if (e.getKey().length() > 3) {
                    matches.add(e.getKey());
                }
            }
            if (branchRev != NIL && !matches.isEmpty()) {
                BitSet lineage = lineage(new int[] {branchRev}, false);
                matches.removeIf(k -> !lineage.get(g.keys.get(k)));
            }
            if (matches.isEmpty()) {
                throw new RevisionNotFound("Can't locate revision identified by '" + ident + "'"
                        + (ident.length() < 4 ? "; a partial revision id needs at least four characters" : "")
                        + ".");
            }
            if (matches.size() > 1) {
                List<String> shown = new ArrayList<>();
                for (String k : matches.subList(0, Math.min(3, matches.size()))) {
                    shown.add("'" + k + "'");
                }
                throw new AmbiguousRevision("Multiple revisions start with '" + ident + "': "
                        + String.join(", ", shown) + "...; give more characters of the id.");
            }
            r = g.keys.get(matches.get(0));
        }
        if (branchRev != NIL && !lineage(new int[] {branchRev}, false).get(r)) {
            throw new RevisionNotInBranch("Revision " + g.describe(r) + " is not a member of branch '" + branch + "'.");
        }
        return r;
    }

    /** Everything above or below the given revisions: what "shares lineage" with them. */
    BitSet lineage(int[] revs, boolean deps) {
        BitSet out = g.ancestors(revs, deps);
        out.or(g.descendants(revs, deps));
        return out;
    }

    /** The targets that share lineage with what {@code checkAgainst} names (filter_for_lineage). */
    int[] filterLineage(int[] targets, String checkAgainst, boolean deps) {
        BitSet lineage = lineageOf(checkAgainst, deps);
        return lineage == null ? targets : filter(targets, lineage);
    }

    /** Null when the identifier names nothing to compare with, which lets every target through. */
    BitSet lineageOf(String checkAgainst, boolean deps) {
        Set<Integer> shares = new LinkedHashSet<>();
        Parsed p = number(checkAgainst);
        if (p != null) {
            if (p.branch() != null) {
                shares.add(branch(p.branch()));
            }
            for (int r : p.revs()) {
                shares.add(r);
            }
        } else {
            int at = checkAgainst.indexOf('@');
            if (at >= 0) {
                shares.add(branch(checkAgainst.substring(0, at)));
                shares.add(forIdent(checkAgainst.substring(at + 1), null));
            } else {
                shares.add(branch(checkAgainst));
            }
        }
        return shares.isEmpty() ? null : lineage(Graph.toArray(shares), deps);
    }

    static int[] filter(int[] targets, BitSet keep) {
        List<Integer> out = new ArrayList<>();
        for (int t : targets) {
            if (keep.get(t)) {
                out.add(t);
            }
        }
        return Graph.toArray(out);
    }

    /**
     * Walks up (steps > 0) or down (steps < 0) one revision at a time; NIL when it goes past the
     * end and {@code noOverwalk}, else it stops at the end. BASE is below every base.
     */
    int walk(int start, int steps, String branch, boolean noOverwalk) {
        BitSet lineage = branch != null && steps > 0 ? lineageOf(branch, false) : null;
        int cur = start;
        for (int i = 0; i < Math.abs(steps); i++) {
            int[] children;
            if (steps > 0) {
                int[] up = cur < 0 ? g.bases : g.next[cur];
                children = lineage != null ? filter(up, lineage) : up;
            } else if (cur == BASE) {
                children = new int[0];
            } else {
                children = cur == NIL ? g.heads : g.down[cur];
                if (children.length == 0) {
                    children = new int[] {BASE};
                }
            }
            if (children.length == 0) {
                return noOverwalk ? NIL : cur;
            }
            if (children.length > 1) {
                throw new InvalidRevisionIdentifier("Ambiguous walk from "
                        + (cur < 0 ? "base" : g.id(cur)) + ": it can go on to " + String.join(", ", g.ids(children))
                        + "; name the revision or use '<branch>@" + (steps > 0 ? "+" : "-") + Math.abs(steps) + "'.");
            }
            cur = children[0];
        }
        return cur;
    }

    /**
     * The signed count of a relative step ({@code +2}, {@code -10}). A count too large for an int
     * is taken as the largest one: it walks past the end of any graph, as the exact count would.
     */
    static int steps(String relative) {
        int sign = relative.charAt(0) == '-' ? -1 : 1;
        String digits = relative.substring(relative.charAt(0) == '-' || relative.charAt(0) == '+' ? 1 : 0).replaceFirst("^0+(?=\\d)", "");
        return sign * (digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits));
    }

    static InvalidRevisionIdentifier didNotProduce(String relative) {
        String count = relative.substring(1).replaceFirst("^0+(?=\\d)", "");
        return new InvalidRevisionIdentifier("Relative revision " + relative + " didn't produce " + count
                + " migrations: there are not that many revisions in that direction.");
    }

    static InvalidRevisionIdentifier walkedTooFar(String identifier) {
        return new InvalidRevisionIdentifier("Walked too far: '" + identifier
                + "' goes beyond the first or last revision.");
    }
}
