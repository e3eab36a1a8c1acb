package dev.migrate.dialect;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.ops.Operation;
import dev.migrate.sql.OfflineCatalog;
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

    /**
     * The query that names who holds the locks a statement gave up waiting for, for the report of
     * lock-aware DDL; null where {@link #limitsLockWaits} is false, as no wait gives up there.
     */
    LockHoldersSql lockHolders();

    /**
     * Whether {@code statement} must run alone, in autocommit, on a server of {@code serverMajorVersion}
     * (0 when unknown, taken as a current server): what its text marks so, and what this database
     * refuses inside a transaction block on that version.
     */
    boolean runsAlone(Statement statement, int serverMajorVersion);

    /**
     * The statement that lets a transaction's COMMIT return before its WAL reaches the disk, for
     * every revision but the last of a run (whose synchronous commit makes them durable); null
     * where the database has none.
     */
    String asyncCommitSql();

    /**
     * A new model of the schema for an offline script, where statements are computed from the
     * catalog (SQLite rebuilds a table from its definition, for its limited ALTER TABLE): the
     * script writes them from the model. Null where no statement needs the catalog.
     */
    OfflineCatalog offlineCatalog();

    /** The version and history tables' SQL that differs on this database. */
    BookkeepingSql bookkeeping();
}
