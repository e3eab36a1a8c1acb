package dev.migrate.ops;

/**
 * The automatic refresh of a continuous aggregate ({@code add_continuous_aggregate_policy}): every
 * {@code scheduleInterval}, refresh the window from now minus startOffset to now minus endOffset.
 * A null offset means an open end.
 */
public record RefreshPolicy(Object startOffset, Object endOffset, Object scheduleInterval) {
}
