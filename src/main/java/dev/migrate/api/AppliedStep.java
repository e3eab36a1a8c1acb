package dev.migrate.api;

/**
 * One revision an upgrade or downgrade ran.
 *
 * @param revision the revision's identifier
 * @param direction whether its upgrade or its downgrade ran
 * @param message the message of its revision file
 */
public record AppliedStep(String revision, Direction direction, String message) {
    /** Which half of a revision ran. */
    public enum Direction {
        UPGRADE, DOWNGRADE
    }
}
