package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.errors.MigrationFailed;

/**
 * A statement the tool sent on its own account (reading the version table, taking the lock) that
 * the database refused, reported with which database it was and, for the refusals a user meets
 * first, what they mean: a file that is not SQLite, a user without rights. A revision's own
 * statements are reported by {@link MigrationFailed}, with the revision and line.
 */
public final class DatabaseRefused extends MigrateException {
    private DatabaseRefused(String message, StatementFailed cause) {
        super(message, cause);
    }

    /** {@code e} as said by the database {@code where} ({@code SQLite database /srv/app.db}, {@code host h, port 5432, database d}). */
    public static DatabaseRefused of(String where, StatementFailed e) {
        String meaning = meaning(e.sqlState());
        return new DatabaseRefused(where + ": " + (meaning == null ? "the database refused a statement" : meaning)
                + " (" + e.getMessage() + ")", e);
    }

    private static String meaning(String sqlState) {
        if (sqlState == null) return null;
        return switch (sqlState) {
            case "SQLITE_26" -> "the file is not a SQLite database (or is encrypted): check the URL's path";
            case "SQLITE_8" -> "the file is read-only: migrate needs to write to it and to its folder";
            case "SQLITE_14" -> "the file cannot be opened: check the path and its folder's permissions";
            case "SQLITE_5", "SQLITE_6" -> "the database is locked by another connection";
            case "42501" -> "the database user lacks a privilege it needs; grant it (or connect as the tables' owner)";
            case "28000", "28P01" -> "the server refused the user or password";
            default -> null;
        };
    }
}
