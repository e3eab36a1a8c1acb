package dev.migrate.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.graph.Revision;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.RevisionScript;

/**
 * How a revision is printed by history, heads, branches, current and show: Alembic's lines
 * ({@code Script.cmd_format}: {@code _head_only} and {@code log_entry}), or JSON. Branch labels
 * are the ones Alembic shows: the revision's own and those it inherits along its branch.
 */
final class RevisionFormat {
    private final RevisionMap graph;
    private final Collection<String> current;
    private final Set<String> realHeads;

    RevisionFormat(RevisionMap graph, Collection<String> current) {
        this.graph = graph;
        this.current = current;
        this.realHeads = new HashSet<>(graph.realHeads());
    }

    /** Nothing names it as down_revision (Alembic's is_head). */
    private boolean isHead(Revision r) {
        return graph.children(r.id()).isEmpty();
    }

    /** Nothing names it as down_revision or in depends_on (Alembic's _is_real_head). */
    private boolean isRealHead(Revision r) {
        return realHeads.contains(r.id());
    }

    private boolean isBranchPoint(Revision r) {
        return graph.children(r.id()).size() > 1;
    }

    private Set<String> labels(Revision r) {
        return graph.branchLabels(r.id());
    }

    /**
     * The markers after an id in a one-line form, in Alembic's order: {@code (label) (head)
     * (current) (branchpoint) (mergepoint)}. A head that only a depends_on points at is an
     * {@code (effective head)}. Heads leaves out the tree markers, current the labels, as Alembic does.
     */
    private String markers(Revision r, boolean labels, boolean tree) {
        StringBuilder s = new StringBuilder();
        if (labels && !labels(r).isEmpty()) s.append(" (").append(String.join(", ", labels(r))).append(")");
        if (isRealHead(r)) s.append(" (head)");
        else if (isHead(r)) s.append(" (effective head)");
        if (current.contains(r.id())) s.append(" (current)");
        if (tree && isBranchPoint(r)) s.append(" (branchpoint)");
        if (tree && r.isMerge()) s.append(" (mergepoint)");
        return s.toString();
    }

    private static String parents(Revision r) {
        return r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions());
    }

    /** {@code 1975ea83b712 -> 3f2a9c1b7d4e (head), add device status}: a history line; dependencies follow the parents in brackets. */
    String historyLine(RevisionScript s) {
        Revision r = s.revision();
        String deps = r.dependsOn().isEmpty() ? "" : " (" + String.join(", ", r.dependsOn()) + ")";
        return parents(r) + deps + " -> " + r.id() + markers(r, true, true) + ", " + s.message();
    }

    /** {@code 3f2a9c1b7d4e (head)}: a current line, without labels as in {@code alembic current}. */
    String shortLine(RevisionScript s) {
        return s.revision().id() + markers(s.revision(), false, true);
    }

    /** {@code 3f2a9c1b7d4e (label) (head)}: a heads line. */
    String headLine(RevisionScript s) {
        return s.revision().id() + markers(s.revision(), true, false);
    }

    /** {@code 1975ea83b712 (label) (branchpoint)}: a branches line, or one it branches into when {@code message}. */
    String branchLine(RevisionScript s, boolean message) {
        return s.revision().id() + markers(s.revision(), true, true) + (message ? ", " + s.message() : "");
    }

    /** The multi-line block of {@code -v} and {@code show}, laid out as Alembic's. */
    String verbose(RevisionScript s) {
        Revision r = s.revision();
        StringBuilder out = new StringBuilder();
        // log_entry's own order, unlike the one-line forms: (head) (branchpoint) (mergepoint) (current).
        out.append("Rev: ").append(r.id()).append(isHead(r) ? " (head)" : "").append(isBranchPoint(r) ? " (branchpoint)" : "")
                .append(r.isMerge() ? " (mergepoint)" : "").append(current.contains(r.id()) ? " (current)" : "").append('\n');
        if (r.isMerge()) out.append("Merges: ").append(String.join(", ", r.downRevisions())).append('\n');
        else out.append("Parent: ").append(parents(r)).append('\n');
        if (!r.dependsOn().isEmpty()) out.append("Also depends on: ").append(String.join(", ", r.dependsOn())).append('\n');
        if (isBranchPoint(r)) out.append("Branches into: ").append(String.join(", ", graph.children(r.id()))).append('\n');
        if (!labels(r).isEmpty()) out.append("Branch names: ").append(String.join(", ", labels(r))).append('\n');
        out.append("Path: ").append(s.file()).append('\n');
        out.append('\n').append("    ").append(s.message()).append('\n').append('\n');
        out.append("    Revision ID: ").append(r.id()).append('\n');
        out.append("    Revises: ").append(r.downRevisions().isEmpty() ? "" : String.join(", ", r.downRevisions())).append('\n');
        out.append("    Create Date: ").append(s.createDate() == null ? "" : s.createDate()).append('\n');
        return out.toString();
    }

    /** The same facts as a JSON object. */
    Map<String, Object> json(RevisionScript s) {
        Revision r = s.revision();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", r.id());
        m.put("down_revision", r.downRevisions().isEmpty() ? null
                : r.downRevisions().size() == 1 ? r.downRevisions().get(0) : r.downRevisions());
        m.put("branch_labels", r.branchLabels());
        m.put("depends_on", r.dependsOn());
        m.put("message", s.message());
        m.put("create_date", s.createDate());
        m.put("path", s.file().toString());
        m.put("is_head", isHead(r));
        m.put("is_branch_point", isBranchPoint(r));
        m.put("is_merge_point", r.isMerge());
        m.put("is_current", current.contains(r.id()));
        return m;
    }

    List<Map<String, Object>> json(List<RevisionScript> scripts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RevisionScript s : scripts) out.add(json(s));
        return out;
    }
}
