package dev.migrate.revision;

import dev.migrate.ops.Operation;
import dev.migrate.yaml.SourceException;

/**
 * A revision without a downgrade section holds an operation whose inverse cannot be derived:
 * raw SQL, inserted data, or a drop that does not carry the definition of what it drops.
 */
public class IrreversibleOperation extends SourceException {
    public IrreversibleOperation(Operation op) {
        super(op.origin(), op.line(), "operation '" + op.kind() + "' has no inverse: write a downgrade section");
    }
}
