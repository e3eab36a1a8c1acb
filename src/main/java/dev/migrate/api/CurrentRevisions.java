package dev.migrate.api;

import java.util.HashSet;
import java.util.List;

/**
 * What {@link Migrate#current()} read.
 *
 * @param revisions the database's revisions (the version table's rows; empty at base, or without a version table)
 * @param heads the head revisions of the revision files
 */
public record CurrentRevisions(List<String> revisions, List<String> heads) {
    public CurrentRevisions {
        revisions = List.copyOf(revisions);
        heads = List.copyOf(heads);
    }

    /** Whether the database is at the head revisions, with nothing left to upgrade ({@code current --check-heads}). */
    public boolean atHead() {
        return new HashSet<>(revisions).equals(new HashSet<>(heads));
    }
}
