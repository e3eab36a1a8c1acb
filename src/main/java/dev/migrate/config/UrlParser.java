package dev.migrate.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a database URL's text. The settings keep URLs as text and are given the parser when a URL
 * is needed: the flavors own their URL forms, and the settings know no flavor
 * ({@code core/Flavors::parse} is the parser).
 */
@FunctionalInterface
public interface UrlParser {
    /**
     * {@code text} parsed; {@code environment} supplies what a URL leaves out (libpq's variables) and
     * {@code workDir} anchors relative paths. A URL that cannot be used throws {@link InvalidUrlException}.
     */
    DatabaseUrl parse(String text, Map<String, String> environment, Path workDir);
}
