package dev.migrate.config;

import dev.migrate.MigrateException;

/**
 * A database URL that cannot be used. The message always shows the URL through
 * {@link DatabaseUrl#mask(String)}, never with its password.
 */
public class InvalidUrlException extends MigrateException {
    public InvalidUrlException(String message) {
        super(message);
    }
}
