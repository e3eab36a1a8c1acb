package dev.migrate.engine;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.VersionChange;
import io.smallrye.mutiny.Uni;

/**
 * Alembic's version table: one row per head, {@code version_num VARCHAR(32)} with the
 * {@code <table>_pkc} primary key, so a database migrated by Alembic reads the same here and back.
 * Every change is checked by its row count, as Alembic does, so two runs that raced past each
 * other cannot silently write a wrong head.
 */
public final class VersionTable {
    private final String schema;
    private final String name;
    private final Dialect dialect;

    /** {@code dialect} quotes the names: {@code version_table: order} is a reserved word on both databases. */
    public VersionTable(String schema, String name, Dialect dialect) {
        this.schema = schema;
        this.name = name;
        this.dialect = dialect;
    }

    public String name() {
        return name;
    }

    /** The configured schema, or null for the session's default one. */
    public String schema() {
        return schema;
    }

    /** The table's name as written in SQL, schema-qualified when one is configured. */
    public String qualifiedName() {
        return qualified(dialect, schema, name);
    }

    /** {@code schema.name} quoted the way {@code dialect} needs, or the name alone when {@code schema} is null. */
    static String qualified(Dialect dialect, String schema, String name) {
        return schema == null ? dialect.quote(name) : dialect.quote(schema) + "." + dialect.quote(name);
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
                + dialect.quote(name + "_pkc") + " PRIMARY KEY (version_num))";
    }

    /** Empties the table: {@code stamp --purge}. */
    public String purgeSql() {
        return "DELETE FROM " + qualifiedName();
    }

    public String selectSql() {
        return "SELECT version_num FROM " + qualifiedName();
    }

    /**
     * The query {@link #heads} sends: {@link #selectSql()} where a missing table is a plain
     * failure; where the server would log that failure as an error (PostgreSQL, on every fresh
     * database), one query that gives no row instead, written by the dialect.
     */
    public String headsSql() {
        return dialect.bookkeeping().versionHeadsSql(literal(qualifiedName()), selectSql());
    }

    /** The statement that carries out one change of the version rows. */
    public String changeSql(VersionChange change) {
        if (change instanceof VersionChange.Insert) {
            return "INSERT INTO " + qualifiedName() + " (version_num) VALUES (" + literal(((VersionChange.Insert) change).id()) + ")";
        }
        if (change instanceof VersionChange.Delete) {
            return "DELETE FROM " + qualifiedName() + " WHERE version_num = " + literal(((VersionChange.Delete) change).id());
        }
        VersionChange.Update u = (VersionChange.Update) change;
        return "UPDATE " + qualifiedName() + " SET version_num = " + literal(u.to()) + " WHERE version_num = " + literal(u.from());
    }

    /**
     * The statement of one change that fails on the server, with SQLSTATE 22012 (division by zero),
     * when the change does not touch exactly one row: for a change sent in a pipeline together with
     * its COMMIT, where the row count would arrive too late to stop it. PostgreSQL only. An insert
     * needs no check: it touches one row or fails on the primary key.
     */
    public String changeSqlFailingOnMismatch(VersionChange change) {
        if (change instanceof VersionChange.Insert) return changeSql(change);
        return "WITH changed AS (" + changeSql(change) + " RETURNING 1) SELECT 1 / (count(*) = 1)::int FROM changed";
    }

    /** SQLSTATE of a {@link #changeSqlFailingOnMismatch} that matched no row. */
    static final String MISMATCH_SQLSTATE = "22012";

    public Uni<Boolean> exists(Database db) {
        return db.tableExists(schema, name);
    }

    /** Creates the table unless it exists (IF NOT EXISTS still covers a concurrent creator). */
    public Uni<Void> create(Database db) {
        return exists(db).flatMap(exists -> exists ? Uni.createFrom().voidItem() : db.execute(createSql()).replaceWithVoid());
    }

    /**
     * The current heads, in one query; an absent table (or schema) means none: the database is at
     * base. Reading straight away saves asking first whether the table exists; on SQLite "no such
     * table" is the answer (so call it outside a transaction there, which the failed query would
     * abort), on PostgreSQL the query itself gives no row (see {@link #headsSql()}).
     */
    public Uni<List<String>> heads(Database db) {
        return db.query(headsSql())
                .map(rows -> {
                    List<String> heads = new ArrayList<>(rows.size());
                    for (List<String> row : rows) heads.add(row.get(0));
                    return heads;
                })
                .onFailure(e -> e instanceof StatementFailed && ((StatementFailed) e).missingTable())
                .recoverWithItem(List.of());
    }

    /** Applies the changes in order, each checked to have touched exactly one row. */
    public Uni<Void> apply(Database db, List<VersionChange> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (VersionChange change : changes) {
            chain = chain.flatMap(ignored -> db.execute(changeSql(change)).map(count -> {
                if (count != 1) throw new MigrateException(mismatch(change, count));
                return null;
            }));
        }
        return chain;
    }

    String mismatch(VersionChange change, int count) {
        String what;
        if (change instanceof VersionChange.Update) {
            VersionChange.Update u = (VersionChange.Update) change;
            what = "updating '" + u.from() + "' to '" + u.to() + "'";
        } else if (change instanceof VersionChange.Delete) {
            what = "deleting '" + ((VersionChange.Delete) change).id() + "'";
        } else {
            what = "inserting '" + ((VersionChange.Insert) change).id() + "'";
        }
        return "the version table " + qualifiedName() + " was expected to match one row when " + what + "; "
                + count + " matched. Another process may have changed it: run 'migrate current' and retry.";
    }
}
