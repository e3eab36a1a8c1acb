package dev.migrate.config;

import java.nio.file.Path;
import java.util.Map;

import dev.migrate.MigrateException;

/**
 * A database URL as configured, before parsing, with where it came from ({@code migrate.yaml:3},
 * {@code --url}, {@code $DATABASE_URL}, {@code built-in default}), so that a bad URL is reported
 * at the place the user has to fix — and only parsed by the commands that need a database.
 *
 * <p>For the same reason a {@code ${VAR}} in the file's URL that is not set is only an error once
 * the URL is needed: {@code --url}, or offline SQL with {@code --dialect}, does without it. Such
 * a URL holds the error ({@code unavailable}) instead of a text; so does the missing {@code url:}
 * of a file that lists {@code databases:} instead.
 *
 * @param text the expanded URL; read it with {@link #text()}, which throws when {@code unavailable}
 * @param unavailable why there is no text (a variable that is not set, ...); null when there is a text
 */
public record ConfiguredUrl(String text, String source, MigrateException unavailable) {

    public ConfiguredUrl(String text, String source) {
        this(text, source, null);
    }

    /** A URL whose variable is not set, reported with {@code unset}'s file, line and variable when it is needed. */
    static ConfiguredUrl unset(UnsetVariableException unset, String source) {
        return new ConfiguredUrl(null, source, unset);
    }

    /** The URL; an {@link UnsetVariableException} names the file, line and variable when a variable was not set. */
    @Override
    public String text() {
        if (unavailable instanceof UnsetVariableException) {
            UnsetVariableException unset = (UnsetVariableException) unavailable;
            throw new UnsetVariableException(unset.origin(), unset.line(), unset.variable());
        }
        if (unavailable != null) throw new MigrateException(unavailable.getMessage(), unavailable.exitCode(), null);
        return text;
    }

    /** The URL read by {@code parser} (see {@link UrlParser}); an {@link InvalidUrlException} names {@link #source()}. */
    public DatabaseUrl parse(UrlParser parser, Map<String, String> environment, Path workDir) {
        String expanded = text();
        try {
            return parser.parse(expanded, environment, workDir);
        } catch (InvalidUrlException e) {
            throw new InvalidUrlException(source + ": " + e.getMessage());
        }
    }

    /** The URL with its password masked, or which variable it lacks. */
    public String masked() {
        if (unavailable instanceof UnsetVariableException) return "(${" + ((UnsetVariableException) unavailable).variable() + "} is not set)";
        return unavailable != null ? "(none)" : DatabaseUrl.mask(text);
    }

    @Override
    public String toString() {
        return masked() + " (from " + source + ")";
    }
}
