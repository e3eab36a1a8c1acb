package dev.migrate.revision.parse;

import dev.migrate.ops.ColumnType;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.SourceException;

/** A column type that is not one of the portable names. */
public class UnknownColumnType extends SourceException {
    public UnknownColumnType(Node at, String written) {
        super(at.origin(), at.line(), "unknown column type '" + written + "' (expected one of: "
                + String.join(", ", ColumnType.spellings()) + ")");
    }
}
