package dev.migrate.graph;

/** One row change in the version table (one row per head), as a migration step records it. */
public sealed interface VersionChange {
    /** A new head row: a branch starts from base or from a branch point. */
    record Insert(String id) implements VersionChange {
    }

    /** A head row goes away: merged into another, or its branch went back to base. */
    record Delete(String id) implements VersionChange {
    }

    /** A head row moves from one revision to another. */
    record Update(String from, String to) implements VersionChange {
    }
}
