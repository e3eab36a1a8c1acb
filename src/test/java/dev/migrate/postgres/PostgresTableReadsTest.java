package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Database;
import dev.migrate.engine.HistoryEntry;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.VersionTable;
import dev.migrate.support.PostgresTestDatabase;

/**
 * Reading the version and history tables on PostgreSQL: a missing table (a fresh database) reads
 * as empty without an error on the server, which would land in its log.
 */
class PostgresTableReadsTest {
    private final PostgresTestDatabase db = new PostgresTestDatabase();

    @AfterEach
    void drop() {
        db.close();
    }

    private static VersionTable table(String schema, String name) {
        return new VersionTable(schema, name, Flavors.dialect("postgresql"));
    }

    /**
     * Inside a transaction a statement that failed on the server aborts it, so the SELECT after the
     * read proves that the read raised no error, and so wrote no ERROR to the server's log.
     */
    @Test
    void aMissingTableOrSchemaReadsAsBaseWithoutAnErrorOnTheServer() {
        Database session = db.open();
        try {
            session.execute("BEGIN").await().indefinitely();
            assertEquals(List.of(), table(null, "alembic_version").heads(session).await().indefinitely());
            assertEquals(List.of(), table("no_such_schema", "alembic_version").heads(session).await().indefinitely());
            assertEquals(List.of(List.of("1")), session.query("SELECT 1").await().indefinitely());
            session.execute("ROLLBACK").await().indefinitely();
        } finally {
            session.close().await().indefinitely();
        }
    }

    @Test
    void aMissingHistoryTableReadsAsAnEmptyLogWithoutAnErrorOnTheServer() {
        HistoryTable history = new HistoryTable(null, "migrate_history", "test", Flavors.dialect("postgresql"));
        Database session = db.open();
        try {
            session.execute("BEGIN").await().indefinitely();
            assertEquals(List.of(), history.applied(session).await().indefinitely());
            assertEquals(List.of(), history.entries(session).await().indefinitely());
            assertEquals(List.of(List.of("1")), session.query("SELECT 1").await().indefinitely());
            session.execute("ROLLBACK").await().indefinitely();
        } finally {
            session.close().await().indefinitely();
        }
    }

    /**
     * The statements name the tables unqualified, so PostgreSQL finds them through the whole
     * search_path; whether they exist is asked the same way, or a table in a later schema would
     * read as missing (an empty log) and be created again in the first.
     */
    @Test
    void tablesInALaterSchemaOfTheSearchPathAreFoundAsTheReadsFindThem() {
        db.execute("CREATE SCHEMA first");
        db.execute("CREATE SCHEMA \"Second One\"");
        Dialect pg = Flavors.dialect("postgresql");
        HistoryTable there = new HistoryTable("Second One", "migrate_history", "test", pg);
        db.execute(there.createSql());
        db.execute(there.insertSql("a1", true, "c1", null, Instant.EPOCH, 5));
        db.execute(table("Second One", "alembic_version").createSql());
        HistoryTable history = new HistoryTable(null, "migrate_history", "test", pg);
        VersionTable version = table(null, "alembic_version");
        Database session = db.open();
        try {
            session.execute("SET search_path = first, \"Second One\"").await().indefinitely();
            assertEquals(true, history.exists(session).await().indefinitely());
            assertEquals(true, version.exists(session).await().indefinitely());
            assertEquals(List.of("a1"), history.applied(session).await().indefinitely().stream().map(HistoryEntry::revision).toList());
            history.create(session).await().indefinitely();
            version.create(session).await().indefinitely();
            assertEquals(List.of(), db.query("SELECT relname FROM pg_class WHERE relnamespace = 'first'::regnamespace"));

            session.execute("SET search_path = first").await().indefinitely();
            assertEquals(false, history.exists(session).await().indefinitely());
            assertEquals(List.of(), history.entries(session).await().indefinitely());
            session.execute("CREATE VIEW first.migrate_history AS SELECT 1 AS id").await().indefinitely();
            assertEquals(false, history.exists(session).await().indefinitely(), "a view is no table");
            assertEquals(true, there.exists(session).await().indefinitely());
            assertEquals(false, table("no_such_schema", "alembic_version").exists(session).await().indefinitely());
        } finally {
            session.close().await().indefinitely();
        }
    }

    @Test
    void theHeadsReadBackAsWrittenWhateverTheirCharactersAndTheTableName() {
        db.execute("CREATE SCHEMA \"Odd & Schema\"");
        VersionTable odd = table("Odd & Schema", "order");
        db.execute(odd.createSql());
        db.execute("INSERT INTO " + odd.qualifiedName() + " VALUES ('a1'), ('b<&>\"''2'), (E'c\\r3')");
        db.execute(table(null, "alembic_version").createSql());
        Database session = db.open();
        try {
            assertEquals(List.of("a1", "b<&>\"'2", "c\r3"), odd.heads(session).await().indefinitely());
            assertEquals(List.of(), table(null, "alembic_version").heads(session).await().indefinitely());
        } finally {
            session.close().await().indefinitely();
        }
    }
}
