package dev.migrate.lint;

/**
 * One thing {@code migrate lint} found.
 *
 * @param file      the revision file, as the user can open it
 * @param line      the line of the operation or statement
 * @param revision  the revision id
 * @param message   what this operation does, naming the table
 * @param ignoredBy why it is let pass (the reason of a {@code lint: {ignore}}, or the project setting),
 *                  or null when it counts
 */
public record Finding(Rule rule, Level level, String file, int line, String revision, String message, String ignoredBy) {
    public boolean ignored() {
        return ignoredBy != null;
    }

    /** Whether this finding makes lint fail. */
    public boolean fails() {
        return !ignored() && level == Level.ERROR;
    }
}
