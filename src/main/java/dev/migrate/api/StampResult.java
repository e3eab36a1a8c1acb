package dev.migrate.api;

import java.util.List;

/**
 * What {@link Migrate#stamp} wrote.
 *
 * @param revisions the version table's rows afterwards (empty for base)
 */
public record StampResult(List<String> revisions) {
    public StampResult {
        revisions = List.copyOf(revisions);
    }
}
