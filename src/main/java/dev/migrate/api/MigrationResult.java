package dev.migrate.api;

import java.util.List;

/**
 * What {@link Migrate#upgrade} or {@link Migrate#downgrade} did.
 *
 * @param applied the revisions it ran, in the order it ran them; empty when the database was already at the target
 * @param current the database's revisions afterwards (the version table's rows; empty at base)
 */
public record MigrationResult(List<AppliedStep> applied, List<String> current) {
    public MigrationResult {
        applied = List.copyOf(applied);
        current = List.copyOf(current);
    }

    /** Whether the run changed nothing, the database being already at the target. */
    public boolean nothingToDo() {
        return applied.isEmpty();
    }
}
