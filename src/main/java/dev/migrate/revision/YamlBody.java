package dev.migrate.revision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import dev.migrate.dialect.Dialect;
import dev.migrate.ops.Operation;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.Statement;
import dev.migrate.yaml.Node;

/** The body of a YAML revision: its upgrade operations and its explicit or derived downgrade. */
public final class YamlBody implements Body {
    private final List<Operation> upgrade;
    private final List<Operation> downgrade;

    public YamlBody(List<Operation> upgrade, List<Operation> downgrade) {
        this.upgrade = List.copyOf(upgrade);
        this.downgrade = List.copyOf(downgrade);
    }

    /**
     * Parses the {@code upgrade} and {@code downgrade} lists of a YAML revision. A missing
     * downgrade ({@code downgrade.isNull()}) is derived by inverting upgrade; an irreversible
     * operation then fails here, naming the file, line and operation.
     */
    public static YamlBody parse(Node upgrade, Node downgrade) {
        List<Operation> up = upgrade == null ? List.of() : OperationParser.parse(upgrade);
        List<Operation> down = downgrade == null || downgrade.isNull() ? invert(up) : OperationParser.parse(downgrade);
        return new YamlBody(up, down);
    }

    /** The operations that undo {@code operations}: each one's inverse, in reverse order. */
    public static List<Operation> invert(List<Operation> operations) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : operations) {
            Optional<Operation> inverse = op.inverse();
            if (inverse.isEmpty()) throw new IrreversibleOperation(op);
            out.add(inverse.get());
        }
        Collections.reverse(out);
        return out;
    }

    public List<Operation> upgradeOperations() {
        return upgrade;
    }

    public List<Operation> downgradeOperations() {
        return downgrade;
    }

    @Override
    public List<Statement> upgrade(Dialect dialect) {
        return render(upgrade, dialect);
    }

    @Override
    public List<Statement> downgrade(Dialect dialect) {
        return render(downgrade, dialect);
    }

    private static List<Statement> render(List<Operation> operations, Dialect dialect) {
        return dialect.render(operations);
    }
}
