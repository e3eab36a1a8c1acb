package dev.migrate.ops;

import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.script.Body;
import dev.migrate.script.Statement;
import dev.migrate.yaml.Node;

/** The body of a YAML revision: its upgrade operations and its explicit or derived downgrade. */
public final class YamlBody implements Body {
    /**
     * Parses the {@code upgrade} and {@code downgrade} lists of a YAML revision. A missing
     * downgrade ({@code downgrade.isNull()}) is derived by inverting upgrade; an irreversible
     * operation then fails here, naming the file, line and operation.
     */
    public static YamlBody parse(Node upgrade, Node downgrade) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<Statement> upgrade(Dialect dialect) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<Statement> downgrade(Dialect dialect) {
        throw new UnsupportedOperationException("not yet");
    }
}
