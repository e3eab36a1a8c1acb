package dev.migrate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.engine.Database;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.schema.SchemaWriter;
import dev.migrate.sqlite.SqliteDialect;
import dev.migrate.support.SchemaApplier;
import dev.migrate.support.SqliteTestDatabase;

/** Inspection of real SQLite files built with DDL. */
class SqliteInspectTest {
    private static final InspectOptions OPTIONS = new InspectOptions(List.of("public"), null,
            List.of("alembic_version", "migrate_history"));

    private final SqliteTestDatabase db = new SqliteTestDatabase();

    @AfterEach
    void drop() {
        db.close();
    }

    private void script(String sql) {
        for (String statement : sql.split(";\n")) if (!statement.isBlank()) db.execute(statement);
    }

    private Inspection inspect() {
        Database session = db.open();
        try {
            return Flavors.of(session).inspector(OPTIONS).inspect(session).await().indefinitely();
        } finally {
            session.close().await().indefinitely();
        }
    }

    @Test
    void everyFeatureIsReadInTheOperationsVocabulary() {
        script("""
                CREATE TABLE orgs (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
                CREATE TABLE "t" (
                    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
                    status VARCHAR(8) DEFAULT 'active' NOT NULL CHECK (status IN ('active', 'disabled')),
                    kind VARCHAR(20) CHECK (kind IN ('a', 'b')),
                    price NUMERIC(10, 2) DEFAULT 1.5 CHECK (price > 0),
                    flag BOOLEAN DEFAULT 1,
                    created DATETIME DEFAULT CURRENT_TIMESTAMP,
                    u VARCHAR(36) DEFAULT (lower(hex(randomblob(4)))),
                    note TEXT DEFAULT 'it''s -- not a comment',
                    ratio REAL DEFAULT -0.5,
                    data JSON,
                    raw BLOB,
                    org_id INTEGER CONSTRAINT fk_inline REFERENCES orgs ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
                    org2 INTEGER NOT NULL,
                    -- a comment between definitions, with a comma, and CHECK (x)
                    CONSTRAINT uq_t UNIQUE (status, price),
                    CONSTRAINT fk_org FOREIGN KEY (org2) REFERENCES orgs (id) ON DELETE CASCADE ON UPDATE RESTRICT,
                    CONSTRAINT ck_price CHECK (price < 1000),
                    CHECK ("org2" <> 0)
                );
                CREATE TABLE pair (a INTEGER, b TEXT, CONSTRAINT pair_pk PRIMARY KEY (a, b));
                CREATE TABLE loose (x, y INTEGER GENERATED ALWAYS AS (1) VIRTUAL);
                CREATE INDEX ix_t ON t (status, lower(u)) WHERE price > 1;
                CREATE UNIQUE INDEX ix_t2 ON t ((price) DESC);
                CREATE INDEX ix_t3 ON t (lower(note) COLLATE NOCASE, org2);
                CREATE VIEW v AS
                SELECT id, status FROM t WHERE flag;
                CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
                CREATE TABLE migrate_history (id INTEGER PRIMARY KEY AUTOINCREMENT);
                CREATE VIRTUAL TABLE notes USING rtree(id, x0, x1)
                """);
        Inspection found = inspect();
        String yaml = SchemaWriter.yaml(found.schema());
        assertEquals("""
                enums:
                  - {name: status, values: [active, disabled]}
                tables:
                  - table: loose
                    columns:
                      - {name: x, type: bytes}
                      - {name: "y", type: integer}
                  - table: orgs
                    columns:
                      - {name: id, type: identity}
                      - {name: name, type: text, nullable: false}
                    primary_key: {columns: [id]}
                    unique:
                      - {columns: [name]}
                  - table: pair
                    columns:
                      - {name: a, type: integer, nullable: false}
                      - {name: b, type: text, nullable: false}
                    primary_key: {name: pair_pk, columns: [a, b]}
                  - table: t
                    columns:
                      - {name: id, type: identity}
                      - {name: status, type: enum(status), values: [active, disabled], nullable: false, server_default: active}
                      - {name: kind, type: string(20)}
                      - {name: price, type: "numeric(10,2)", server_default: 1.5}
                      - {name: flag, type: boolean, server_default: true}
                      - {name: created, type: timestamp, server_default: now()}
                      - {name: u, type: string(36), server_default: sql(lower(hex(randomblob(4))))}
                      - {name: note, type: text, server_default: "it's -- not a comment"}
                      - {name: ratio, type: float, server_default: -0.5}
                      - {name: data, type: json}
                      - {name: raw, type: bytes}
                      - {name: org_id, type: integer}
                      - {name: org2, type: integer, nullable: false}
                    primary_key: {columns: [id]}
                    unique:
                      - {name: uq_t, columns: [status, price]}
                    foreign_keys:
                      - {name: fk_inline, columns: [org_id], ref_table: orgs, ref_columns: [id], on_delete: SET NULL, deferrable: true, initially: deferred}
                      - {name: fk_org, columns: [org2], ref_table: orgs, ref_columns: [id], on_delete: CASCADE, on_update: RESTRICT}
                    checks:
                      - {name: ck_price, expression: "price < 1000"}
                      - {expression: "\\"org2\\" <> 0"}
                      - {expression: "kind IN ('a', 'b')"}
                      - {expression: "price > 0"}
                    indexes:
                      - {name: ix_t, columns: [status], expressions: [lower(u)], where: "price > 1"}
                      - {name: ix_t2, columns: [price], unique: true}
                      - {name: ix_t3, expressions: [lower(note), org2]}
                views:
                  - {name: v, query: "SELECT id, status FROM t WHERE flag"}
                """, yaml);
        assertEquals(List.of("virtual table notes is not part of the schema",
                "table loose: column x has no type; read as bytes",
                "table loose: column y is generated; read as a plain column",
                "table t: index ix_t2: the sort order or collation of key (price) DESC is not kept (create_index cannot write it)",
                "table t: index ix_t3: the sort order or collation of key lower(note) COLLATE NOCASE is not kept"
                        + " (create_index cannot write it)"), found.warnings());
        assertEquals(found.schema(), SchemaReader.read(yaml, "schema.yaml"));
    }

    /** A schema created by migrate's own operations reads back as the same schema: the two directions agree. */
    @Test
    void aSchemaCreatedByTheOperationsReadsBackEqual() {
        Schema target = SchemaReader.read("""
                enums:
                  - {name: level, values: [low, high]}
                tables:
                  - table: customers
                    columns:
                      - {name: id, type: identity}
                      - {name: email, type: string(255), nullable: false}
                      - {name: name, type: text}
                      - {name: created_at, type: timestamp, nullable: false, server_default: now()}
                      - {name: token, type: string(36), nullable: false, server_default: uuid()}
                      - {name: active, type: boolean, nullable: false, server_default: true}
                      - {name: profile, type: json}
                      - {name: born, type: date}
                      - {name: wake, type: time}
                      - {name: photo, type: bytes}
                      - {name: score, type: float, server_default: 0.5}
                      - {name: level, type: enum(level), values: [low, high], server_default: low}
                      - {name: code, type: string(10), server_default: "007"}
                      - {name: lucky, type: integer, server_default: sql(abs(random()) % 7)}
                    primary_key: {columns: [id]}
                    unique:
                      - {name: customers_email_uq, columns: [email]}
                    checks:
                      - {name: customers_name_set, expression: "name <> ''"}
                    indexes:
                      - {name: customers_lower_name, expressions: [lower(name)], where: "name IS NOT NULL"}
                  - table: orders
                    columns:
                      - {name: id, type: integer}
                      - {name: customer_id, type: integer, nullable: false}
                      - {name: total, type: numeric, nullable: false, server_default: 0}
                    primary_key: {name: orders_pk, columns: [id]}
                    foreign_keys:
                      - {name: orders_customer_fk, columns: [customer_id], ref_table: customers, ref_columns: [id], on_delete: CASCADE, deferrable: true, initially: deferred}
                    indexes:
                      - {name: orders_by_customer, columns: [customer_id, total], unique: true}
                views:
                  - name: big_orders
                    query: |-
                      SELECT id, total
                      FROM orders
                      WHERE total > 100
                """, "schema.yaml");
        SchemaApplier.apply(target, SqliteDialect.INSTANCE, db);
        Inspection found = inspect();
        assertEquals(List.of(), found.warnings());
        assertEquals(SchemaWriter.yaml(target), SchemaWriter.yaml(found.schema()));
        assertEquals(target, found.schema());
    }

    @Test
    void anEmptyDatabaseIsAnEmptySchema() {
        assertEquals(Schema.EMPTY, inspect().schema());
    }

    /** README, "`migrate inspect`": a fixed number of catalog queries whatever the number of tables. */
    @Test
    void theNumberOfCatalogQueriesDoesNotGrowWithTheTables() {
        create(1, 1);
        List<String> one = CatalogQueries.ofInspection(db, OPTIONS, 1);
        create(2, 1000);
        List<String> thousand = CatalogQueries.ofInspection(db, OPTIONS, 1000);
        assertEquals(4, one.size(), String.join("\n", one));
        assertEquals(one, thousand);
    }

    /** Tables t{from}..t{to}, each with a key, a foreign key to the one before, a check, an enum column and an index. */
    private void create(int from, int to) {
        StringBuilder sql = new StringBuilder("BEGIN;\n");
        for (int i = from; i <= to; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id INTEGER PRIMARY KEY, prev INTEGER REFERENCES t")
                    .append(Math.max(i - 1, 1)).append(" (id), m VARCHAR(1) CHECK (m IN ('a', 'b')),")
                    .append(" v VARCHAR(20) NOT NULL CHECK (v <> ''));\n")
                    .append("CREATE INDEX t").append(i).append("_v ON t").append(i).append(" (lower(v));\n");
        }
        script(sql.append("COMMIT;\n").toString());
    }
}
