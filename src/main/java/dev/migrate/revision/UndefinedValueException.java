package dev.migrate.revision;

import dev.migrate.yaml.SourceException;

/** A SQL revision uses {@code ${x.key}} but no {@code -x key=value} was given. */
public class UndefinedValueException extends SourceException {
    public UndefinedValueException(String origin, int line, String key) {
        super(origin, line, "the statement uses ${x." + key + "} but no value was given: pass -x "
                + key + "=VALUE on the command line");
    }
}
