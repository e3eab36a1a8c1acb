package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.dialect.UnsupportedOnDialect;
import dev.migrate.ops.Operation;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.Statement;
import dev.migrate.yaml.YamlReader;

class SqliteDialectTest {
    private static final SqliteDialect SQLITE = SqliteDialect.INSTANCE;

    private static List<String> sql(String yaml) {
        List<String> out = new ArrayList<>();
        for (Operation op : OperationParser.parse(YamlReader.read(yaml, "v1.yaml"))) {
            for (Statement s : SQLITE.render(op)) out.add(s.sql());
        }
        return out;
    }

    private static String failure(String yaml) {
        return assertThrows(UnsupportedOnDialect.class, () -> sql(yaml)).getMessage();
    }

    @Test
    void createTableWithEveryPortableType() {
        assertEquals(List.of("""
                CREATE TABLE things (
                    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
                    u VARCHAR(36),
                    j JSON,
                    jb JSON,
                    s VARCHAR(50),
                    t TEXT,
                    flag BOOLEAN,
                    sm INTEGER,
                    i INTEGER,
                    bi INTEGER,
                    n NUMERIC,
                    f REAL,
                    d REAL,
                    dt DATE,
                    tm TIME,
                    ts DATETIME,
                    tz DATETIME,
                    iv TEXT,
                    b BLOB,
                    tags JSON,
                    raw varchar(3) COLLATE NOCASE
                )"""), sql("""
                - create_table:
                    table: things
                    comment: not stored on sqlite
                    columns:
                      - {name: id, type: bigidentity, primary_key: true}
                      - {name: u, type: uuid}
                      - {name: j, type: json}
                      - {name: jb, type: jsonb}
                      - {name: s, type: string(50), comment: not stored either}
                      - {name: t, type: text}
                      - {name: flag, type: boolean}
                      - {name: sm, type: smallint}
                      - {name: i, type: integer}
                      - {name: bi, type: bigint}
                      - {name: n, type: "numeric(10,2)"}
                      - {name: f, type: float}
                      - {name: d, type: double}
                      - {name: dt, type: date}
                      - {name: tm, type: time}
                      - {name: ts, type: timestamp}
                      - {name: tz, type: timestamptz}
                      - {name: iv, type: interval}
                      - {name: b, type: bytes}
                      - {name: tags, type: array(text)}
                      - {name: raw, type: sql(varchar(3) COLLATE NOCASE)}
                """));
    }

    @Test
    void identityWithoutDeclaredPrimaryKeyBecomesTheRowidPrimaryKey() {
        assertEquals(List.of("""
                CREATE TABLE t (
                    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
                    name TEXT
                )"""), sql("""
                - create_table: {table: t, columns: [{name: id, type: identity}, {name: name, type: text}]}
                """));
    }

    @Test
    void identityMustBeTheWholePrimaryKey() {
        assertEquals("v1.yaml:1: operation 'create_table' cannot run on sqlite: identity column 'id' must be the whole"
                + " primary key on sqlite (it becomes INTEGER PRIMARY KEY AUTOINCREMENT)", failure("""
                - create_table:
                    table: t
                    columns: [{name: id, type: identity}, {name: k, type: integer}]
                    primary_key: [id, k]
                """));
        assertEquals("v1.yaml:1: operation 'add_column' cannot run on sqlite: an identity column can only be declared"
                + " by create_table", failure("""
                - add_column: {table: t, column: {name: id, type: identity, nullable: true}}
                """));
    }

    @Test
    void createTableWithDefaultsAndConstraints() {
        assertEquals(List.of("""
                CREATE TABLE users (
                    id VARCHAR(36) DEFAULT %s NOT NULL,
                    created DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
                    active BOOLEAN DEFAULT 1,
                    status TEXT DEFAULT 'new',
                    settings JSON DEFAULT '{"a": [1]}',
                    rank INTEGER DEFAULT (abs(-1)),
                    team_id INTEGER REFERENCES teams (id) ON DELETE CASCADE,
                    "order" INTEGER UNIQUE,
                    PRIMARY KEY (id),
                    CONSTRAINT uq_status UNIQUE (status, rank),
                    CONSTRAINT fk_x FOREIGN KEY (rank) REFERENCES ranks (n) DEFERRABLE INITIALLY DEFERRED,
                    CONSTRAINT ck_rank CHECK (rank > 0)
                )""".formatted(SqliteDialect.UUID_EXPRESSION)), sql("""
                - create_table:
                    table: users
                    columns:
                      - {name: id, type: uuid, primary_key: true, server_default: uuid()}
                      - {name: created, type: timestamp, nullable: false, server_default: now()}
                      - {name: active, type: boolean, server_default: true}
                      - {name: status, type: text, server_default: new}
                      - {name: settings, type: json, server_default: {a: [1]}}
                      - {name: rank, type: integer, server_default: sql(abs(-1))}
                      - {name: team_id, type: integer, references: teams.id, on_delete: cascade}
                      - {name: order, type: integer, unique: true}
                    unique: [{name: uq_status, columns: [status, rank]}]
                    foreign_keys: [{name: fk_x, columns: [rank], ref_table: ranks, ref_columns: [n], initially: deferred}]
                    checks: [{name: ck_rank, expression: rank > 0}]
                """));
    }

    @Test
    void operationsThatRunInPlace() {
        assertEquals(List.of(
                "DROP TABLE devices",
                "ALTER TABLE devices RENAME TO machines",
                "ALTER TABLE machines ADD COLUMN status VARCHAR(50) DEFAULT 'active' NOT NULL",
                "ALTER TABLE machines ADD COLUMN owner_id INTEGER REFERENCES users (id)",
                "ALTER TABLE machines ADD COLUMN created DATETIME DEFAULT '2026-01-01'",
                "ALTER TABLE machines RENAME COLUMN name TO label",
                "ALTER TABLE machines RENAME COLUMN label TO name",
                "CREATE UNIQUE INDEX IF NOT EXISTS ix_email ON users (tenant, (lower(email))) WHERE deleted_at IS NULL",
                "CREATE INDEX ix_vendor ON machines (vendor)",
                "CREATE INDEX aux.ix_a ON t (a)",
                "DROP INDEX ix_vendor",
                "DROP INDEX IF EXISTS \"Index\"",
                "DROP INDEX aux.ix_a"), sql("""
                - drop_table: {table: devices}
                - rename_table: {table: devices, new_name: machines}
                - create_table_comment: {table: machines, comment: silently not stored}
                - add_column: {table: machines, column: {name: status, type: string(50), nullable: false, server_default: active, comment: dropped}}
                - add_column: {table: machines, column: {name: owner_id, type: integer, references: users.id}}
                - add_column: {table: machines, column: {name: created, type: timestamp, server_default: "2026-01-01"}}
                - rename_column: {table: machines, column: name, new_name: label}
                - alter_column: {table: machines, column: label, new_name: name}
                - alter_column: {table: machines, column: name, comment: only a comment}
                - create_index: {name: ix_email, table: users, columns: [tenant], expressions: ["lower(email)"], unique: true,
                                 where: deleted_at IS NULL, if_not_exists: true}
                - create_index: {name: ix_vendor, table: machines, columns: [vendor], using: btree, concurrently: true}
                - create_index: {name: ix_a, table: aux.t, columns: [a]}
                - drop_index: {name: ix_vendor, concurrently: true}
                - drop_index: {name: Index, if_exists: true}
                - drop_index: {name: ix_a, table: aux.t}
                """));
    }

    /** SQLite has no unvalidated constraints: not_valid changes nothing, validate_constraint writes nothing. */
    @Test
    void notValidAndValidateConstraintAreIgnored() {
        assertEquals(sql("- create_check_constraint: {table: t, name: ck, expression: a > 0}"),
                sql("- create_check_constraint: {table: t, name: ck, expression: a > 0, not_valid: true}"));
        assertEquals(sql("- create_foreign_key: {table: t, name: fk, columns: [a], ref_table: u, ref_columns: [id]}"),
                sql("- create_foreign_key: {table: t, name: fk, columns: [a], ref_table: u, ref_columns: [id], not_valid: true}"));
        assertEquals(List.of(), sql("- validate_constraint: {table: t, name: ck}"));
    }

    @Test
    void whatSqliteCannotExpressFailsClearly() {
        assertEquals("v1.yaml:1: operation 'create_table' cannot run on sqlite: a column of type enum(mood) needs its"
                + " values there (values: [...] on the column), as SQLite keeps them in a CHECK constraint",
                failure("- create_table: {table: t, columns: [{name: m, type: enum(mood)}]}"));
        assertEquals("v1.yaml:1: operation 'create_index' cannot run on sqlite: index method 'gin' does not exist there",
                failure("- create_index: {name: ix, table: t, columns: [a], using: gin}"));
        assertEquals("v1.yaml:1: operation 'create_index' cannot run on sqlite: indexes cannot INCLUDE columns there",
                failure("- create_index: {name: ix, table: t, columns: [a], include: [b]}"));
        assertEquals("v1.yaml:1: operation 'alter_column' cannot run on sqlite: an identity column can only be declared"
                + " by create_table", failure("- alter_column: {table: t, column: id, type: identity}"));
        assertEquals("v1.yaml:1: operation 'alter_column' cannot run on sqlite: a column of type enum(mood) needs its"
                + " values there (values: [...] on the column), as SQLite keeps them in a CHECK constraint",
                failure("- alter_column: {table: t, column: m, type: enum(mood)}"));
    }

    @Test
    void executeAndBulkInsert() {
        assertEquals(List.of(
                "PRAGMA foreign_keys = ON",
                "UPDATE t SET a = 1",
                "INSERT INTO t (a, flag, tags, meta) VALUES (1, 1, '[\"x\", 2]', '{\"k\": null}'), (2, 0, NULL, '[]')"),
                sql("""
                - execute: {postgresql: "CREATE EXTENSION pgcrypto", sqlite: "PRAGMA foreign_keys = ON"}
                - execute: {postgresql: "SELECT 1"}
                - execute: "UPDATE t SET a = 1;"
                - bulk_insert:
                    table: t
                    types: {tags: array(text), meta: json}
                    rows:
                      - {a: 1, flag: true, tags: [x, 2], meta: {k: null}}
                      - {a: 2, flag: false, tags: null, meta: []}
                """));
    }

    @Test
    void rowsWithTheSameColumnsInAnotherOrderShareAnInsert() {
        assertEquals(List.of("INSERT INTO t (a, b) VALUES (1, 2), (4, 3)", "INSERT INTO t (a) VALUES (5)"), sql("""
                - bulk_insert: {table: t, rows: [{a: 1, b: 2}, {b: 3, a: 4}, {a: 5}]}
                """));
    }
}
