package dev.migrate.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * A database URL as configured, before parsing, with where it came from ({@code migrate.yaml:3},
 * {@code --url}, {@code $DATABASE_URL}, {@code built-in default}), so that a bad URL is reported
 * at the place the user has to fix — and only parsed by the commands that need a database.
 */
public record ConfiguredUrl(String text, String source) {

    /** The parsed URL; an {@link InvalidUrlException} names {@link #source()}. */
    public DatabaseUrl parse(Map<String, String> environment, Path workDir) {
        try {
            return DatabaseUrl.parse(text, environment, workDir);
        } catch (InvalidUrlException e) {
            throw new InvalidUrlException(source + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return DatabaseUrl.mask(text) + " (from " + source + ")";
    }
}
