package dev.migrate.sql;

import dev.migrate.MigrateException;

/**
 * A check made while a revision runs found that the database cannot take the change: rows that
 * hold an enum value being removed, or foreign keys left dangling by a table rebuild. The message
 * says what was found and what to do; the runner adds the revision and rolls it back.
 */
public class CheckFailed extends MigrateException {
    public CheckFailed(String message) {
        super(message);
    }
}
