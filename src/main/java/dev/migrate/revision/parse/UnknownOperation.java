package dev.migrate.revision.parse;

import java.util.Collection;

import dev.migrate.yaml.Node;
import dev.migrate.yaml.SourceException;

/** An operation name in a YAML revision that this version of migrate does not know. */
public class UnknownOperation extends SourceException {
    public UnknownOperation(Node at, String name, Collection<String> known) {
        super(at.origin(), at.line(), "unknown operation '" + name + "' (expected one of: "
                + String.join(", ", known) + ")");
    }
}
