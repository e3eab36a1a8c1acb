package dev.migrate.dialect;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.ops.Operation;
import dev.migrate.sql.Statement;

/** The SQL flavour of a database: how identifiers, literals and each operation are written. */
public interface Dialect {
    /** {@code postgresql} or {@code sqlite}: the name used in URLs and in dialect-restricted sections. */
    String name();

    /**
     * The statements that carry out {@code operation}, each carrying the operation's line; empty
     * when there is nothing to do on this dialect. Throws {@link UnsupportedOnDialect} when the
     * operation cannot be expressed here.
     */
    List<Statement> render(Operation operation);

    /**
     * The statements of a revision's operations, in order: each one's {@link #render(Operation)};
     * a dialect may join consecutive ones (SQLite rebuilds a table once for consecutive changes to it).
     */
    default List<Statement> render(List<Operation> operations) {
        List<Statement> out = new ArrayList<>();
        for (Operation op : operations) out.addAll(render(op));
        return out;
    }

    /** {@code identifier} as SQL: left bare when it is lower case and not a reserved word, quoted otherwise. */
    String quote(String identifier);

    /** {@code value} (null, Boolean, Number, String, or a List/Map written as JSON text) as a SQL literal. */
    String literal(Object value);

    /** Whether the database keeps enum types of their own (PostgreSQL) rather than each column's CHECK (SQLite). */
    boolean keepsEnumTypes();

    /**
     * Whether a statement's wait for a table lock can be limited and the wait then fails cleanly
     * (PostgreSQL's {@code lock_timeout}, SQLSTATE 55P03), so that lock-aware DDL applies here.
     */
    boolean limitsLockWaits();

    /** The version and history tables' SQL that differs on this database. */
    BookkeepingSql bookkeeping();
}
