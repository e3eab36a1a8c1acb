package dev.migrate.revision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Text files shipped inside the executable under {@code templates/}. */
final class Resources {
    private Resources() {
    }

    /** The resource's text, or null when there is none by that name. */
    static String read(String name) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in resource " + name, e);
        }
    }
}
