package dev.migrate.dialect;

import dev.migrate.ops.Operation;
import dev.migrate.yaml.SourceException;

/** An operation, as written, that a dialect cannot carry out; names the operation, file, line and dialect. */
public class UnsupportedOnDialect extends SourceException {
    private final String operation;
    private final String dialect;

    private UnsupportedOnDialect(Operation op, String dialect, String message) {
        super(op.origin(), op.line(), message);
        this.operation = op.kind();
        this.dialect = dialect;
    }

    /** The dialect cannot do this at all, for {@code reason}. */
    public static UnsupportedOnDialect because(Operation op, String dialect, String reason) {
        return new UnsupportedOnDialect(op, dialect,
                "operation '" + op.kind() + "' cannot run on " + dialect + ": " + reason);
    }

    public String operation() {
        return operation;
    }

    public String dialect() {
        return dialect;
    }
}
