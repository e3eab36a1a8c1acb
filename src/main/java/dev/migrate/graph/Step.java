package dev.migrate.graph;

import java.util.List;

/**
 * One migration to run: a revision's upgrade or downgrade and the version rows it changes.
 *
 * @param revision the revision whose upgrade or downgrade runs
 * @param upgrade  true for an upgrade, false for a downgrade
 * @param changes  the version-table rows this step changes, in the order to apply them
 */
public record Step(Revision revision, boolean upgrade, List<VersionChange> changes) {
    public Step {
        changes = List.copyOf(changes);
    }

    /** Revisions the step starts from, for the progress line "Running upgrade A -> B". */
    public List<String> from() {
        return upgrade ? revision.downRevisions() : List.of(revision.id());
    }

    /** Revisions the step arrives at, for the progress line. */
    public List<String> to() {
        return upgrade ? List.of(revision.id()) : revision.downRevisions();
    }
}
