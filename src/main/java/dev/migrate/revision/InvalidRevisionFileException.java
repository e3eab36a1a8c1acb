package dev.migrate.revision;

import dev.migrate.yaml.SourceException;

/** A revision file whose header or layout is wrong: a bad id, an unknown field, a misplaced statement. */
public class InvalidRevisionFileException extends SourceException {
    public InvalidRevisionFileException(String origin, int line, String message) {
        super(origin, line, message);
    }
}
