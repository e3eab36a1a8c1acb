package dev.migrate.api;

import java.util.List;

/**
 * What {@link Migrate#check()} found comparing the database with the target schema.
 *
 * @param differences one line per difference, as {@code migrate check} prints them; empty when there is none
 */
public record CheckResult(List<String> differences) {
    public CheckResult {
        differences = List.copyOf(differences);
    }

    /** Whether the database matches the target schema ({@code migrate check} exits 0). */
    public boolean upToDate() {
        return differences.isEmpty();
    }
}
