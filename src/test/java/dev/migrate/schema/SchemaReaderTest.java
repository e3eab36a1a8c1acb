package dev.migrate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.yaml.SourceException;

class SchemaReaderTest {
    private static Schema read(String yaml) {
        return SchemaReader.read(yaml, "schema.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(SourceException.class, () -> read(yaml)).getMessage();
    }

    private static final String SHOP = """
            extensions:
              - citext
              - {name: pgcrypto, schema: public, version: "1.3"}
            enums:
              - {name: status, values: [new, paid, shipped]}
            tables:
              - table: customers
                comment: people who buy
                columns:
                  - {name: id, type: identity, primary_key: true}
                  - {name: email, type: string(255), nullable: false, unique: true, comment: login}
                  - {name: created_at, type: timestamptz, nullable: false, server_default: now()}
              - table: orders
                columns:
                  - {name: id, type: bigidentity}
                  - {name: customer_id, type: integer, references: customers.id, on_delete: cascade}
                  - {name: status, type: enum(status), server_default: new}
                  - {name: total, type: "numeric(10,2)", server_default: 0}
                  - {name: note, type: text, server_default: "0"}
                primary_key: {name: orders_pkey, columns: [id]}
                unique:
                  - {name: orders_customer_status, columns: [customer_id, status]}
                checks:
                  - {name: positive_total, expression: total >= 0}
                indexes:
                  - {name: orders_by_status, columns: [status], where: "status <> 'shipped'", using: btree}
                  - {name: orders_lower_note, expressions: [lower(note)], unique: true, include: [total]}
            views:
              - name: open_orders
                query: |
                  SELECT id FROM orders
                  WHERE status <> 'shipped';
            """;

    @Test
    void readsEverySectionInTheOperationsVocabulary() {
        Schema s = read(SHOP);
        assertEquals(List.of("citext", "pgcrypto"), List.copyOf(s.extensions().keySet()));
        assertEquals(new Extension("pgcrypto", "public", "1.3"), s.extensions().get("pgcrypto"));
        assertEquals(new EnumType("status", null, List.of("new", "paid", "shipped")), s.enums().get("status"));
        assertEquals(List.of("customers", "orders"), List.copyOf(s.tables().keySet()));
        Table orders = s.table("orders");
        assertEquals(new PrimaryKey("orders_pkey", List.of("id")), orders.primaryKey());
        assertEquals(new Column("total", new ColumnType(ColumnType.Kind.NUMERIC, null, 10, 2, null, null), true,
                ServerDefault.literal(0L), false, false, null, null), orders.column("total"));
        assertEquals(ServerDefault.literal("0"), orders.column("note").serverDefault());
        assertEquals(List.of(new CheckConstraint("positive_total", "total >= 0")), orders.checks());
        assertEquals(new Index("orders_by_status", "orders", List.of("status"), List.of(), false, "status <> 'shipped'",
                null, List.of()), orders.indexes().get("orders_by_status"));
        assertEquals(new Index("orders_lower_note", "orders", List.of(), List.of("lower(note)"), true, null, null,
                List.of("total")), orders.indexes().get("orders_lower_note"));
        assertEquals(new View("open_orders", "SELECT id FROM orders\nWHERE status <> 'shipped'", false),
                s.views().get("open_orders"));
    }

    @Test
    void columnFlagsBecomeTableConstraints() {
        Schema s = read(SHOP);
        Table customers = s.table("customers");
        assertEquals(new PrimaryKey(null, List.of("id")), customers.primaryKey());
        assertEquals(List.of(new UniqueConstraint(null, List.of("email"))), customers.uniques());
        Column email = customers.column("email");
        assertFalse(email.primaryKey() || email.unique());
        assertEquals("login", email.comment());
        Table orders = s.table("orders");
        assertEquals(List.of(new ForeignKey(null, List.of("customer_id"), "customers", List.of("id"), "CASCADE", null,
                false, false)), orders.foreignKeys());
        assertNull(orders.column("customer_id").references());
        assertEquals(2, orders.uniques().size() + customers.uniques().size());
    }

    @Test
    void primaryKeyColumnsAreNotNullWhateverTheyDefaultTo() {
        Schema s = read("""
                tables:
                  - table: t
                    columns:
                      - {name: a, type: integer}
                      - {name: b, type: integer}
                    primary_key: [a]
                """);
        assertFalse(s.table("t").column("a").nullable());
        assertTrue(s.table("t").column("b").nullable());
    }

    @Test
    void anEmptyFileIsAnEmptySchema() {
        assertTrue(read("").isEmpty());
        assertTrue(read("# nothing yet\n").isEmpty());
        assertEquals(Schema.EMPTY, read("{}"));
    }

    @Test
    void hypertablesWithCompressionAndRetention() {
        Schema s = read("""
                tables:
                  - table: metrics
                    columns:
                      - {name: time, type: timestamptz, nullable: false}
                      - {name: device, type: integer}
                      - {name: value, type: double}
                hypertables:
                  - table: metrics
                    time_column: time
                    chunk_time_interval: 1 day
                    partitioning_column: device
                    number_partitions: 4
                    compression: {segment_by: [device], order_by: [time DESC], compress_after: 7 days}
                    drop_after: 90 days
                """);
        assertEquals(new Hypertable("metrics", "time", "1 day", "device", 4,
                new Compression(List.of("device"), List.of("time DESC"), "7 days"), "90 days"), s.hypertables().get("metrics"));
        Schema on = read("""
                tables:
                  - {table: m, columns: [{name: t, type: bigint}]}
                hypertables:
                  - {table: m, time_column: t, chunk_time_interval: 1000, compression: true}
                """);
        assertEquals(new Hypertable("m", "t", 1000L, null, null, new Compression(List.of(), List.of(), null), null),
                on.hypertables().get("m"));
    }

    @Test
    void unknownKeysAreNamedWithTheirLine() {
        assertEquals("schema.yaml:1: unknown field 'table' in the schema (expected one of: extensions, enums, tables,"
                + " views, hypertables)", error("table: []"));
        assertEquals("schema.yaml:4: unknown field 'colour' in a table (expected one of: table, columns, primary_key,"
                + " unique, foreign_keys, checks, comment, indexes)", error("""
                tables:
                  - table: t
                    columns: [{name: a, type: integer}]
                    colour: red
                """));
        assertTrue(error("""
                tables:
                  - table: t
                    columns:
                      - {name: a, type: integer, nulable: false}
                """).startsWith("schema.yaml:4: unknown field 'nulable' in column"));
        assertTrue(error("""
                tables:
                  - table: t
                    columns: [{name: a, type: integer}]
                    indexes:
                      - {name: i, table: t, columns: [a]}
                """).startsWith("schema.yaml:5: unknown field 'table' in an index"));
    }

    @Test
    void wrongTypesAreNamedWithTheirLine() {
        assertEquals("schema.yaml:1: tables is a list", error("tables: {a: 1}"));
        assertEquals("schema.yaml:2: a table is a mapping of table, columns, primary_key, unique, foreign_keys, checks,"
                + " comment, indexes", error("tables:\n  - users\n"));
        assertTrue(error("""
                tables:
                  - table: t
                    columns:
                      - {name: a, type: integr}
                """).startsWith("schema.yaml:4: unknown column type 'integr'"));
        assertEquals("schema.yaml:4: expected true or false, found 'maybe'", error("""
                tables:
                  - table: t
                    columns:
                      - {name: a, type: integer, nullable: maybe}
                """));
        assertEquals("schema.yaml:1: a schema is a mapping of extensions, enums, tables, views, hypertables",
                error("- a\n- b\n"));
    }

    @Test
    void duplicatesNameTheSecondLineAndTheFirst() {
        assertEquals("schema.yaml:4: table 't' is declared twice (first at line 2)", error("""
                tables:
                  - table: t
                    columns: [{name: a, type: integer}]
                  - table: t
                    columns: [{name: a, type: integer}]
                """));
        assertEquals("schema.yaml:5: table 't': column 'a' is declared twice (first at line 4)", error("""
                tables:
                  - table: t
                    columns:
                      - {name: a, type: integer}
                      - {name: a, type: text}
                """));
        assertEquals("schema.yaml:8: index 'ix' is declared twice (first at line 5)", error("""
                tables:
                  - table: t
                    columns: [{name: a, type: integer}]
                    indexes:
                      - {name: ix, columns: [a]}
                  - table: u
                    columns: [{name: a, type: integer}]
                    indexes: [{name: ix, columns: [a]}]
                """));
        assertEquals("schema.yaml:6: table 't': constraint 'c' is declared twice (first at line 5)", error("""
                tables:
                  - table: t
                    columns: [{name: a, type: integer}]
                    checks:
                      - {name: c, expression: a > 0}
                      - {name: c, expression: a < 9}
                """));
        assertEquals("schema.yaml:3: enum 'e' is declared twice (first at line 2)", error("""
                enums:
                  - {name: e, values: [a]}
                  - {name: e, values: [b]}
                """));
    }

    @Test
    void indexNamesMayRepeatInAnotherSchema() {
        Schema s = read("""
                tables:
                  - {table: t, columns: [{name: a, type: integer}], indexes: [{name: ix, columns: [a]}]}
                  - {table: audit.t, columns: [{name: a, type: integer}], indexes: [{name: ix, columns: [a]}]}
                """);
        assertEquals(2, s.tables().size());
    }

    @Test
    void foreignKeysMustReferToDeclaredTablesAndColumns() {
        assertEquals("schema.yaml:5: table 'orders', foreign key 'fk_customer' refers to table 'customer', which the"
                + " schema does not declare", error("""
                tables:
                  - table: orders
                    columns: [{name: customer_id, type: integer}]
                    foreign_keys:
                      - {name: fk_customer, columns: [customer_id], ref_table: customer, ref_columns: [id]}
                  - table: customers
                    columns: [{name: id, type: integer}]
                """));
        assertEquals("schema.yaml:4: table 'orders', foreign key refers to column 'ident' of table 'customers', which"
                + " it does not have", error("""
                tables:
                  - table: orders
                    columns:
                      - {name: customer_id, type: integer, references: customers.ident}
                  - table: customers
                    columns: [{name: id, type: integer}]
                """));
        assertEquals("schema.yaml:5: table 'orders', foreign key names column 'customer', which the table does not have",
                error("""
                tables:
                  - table: orders
                    columns: [{name: customer_id, type: integer}]
                    foreign_keys:
                      - {columns: [customer], ref_table: orders, ref_columns: [customer_id]}
                """));
    }

    @Test
    void constraintsAndIndexesMustNameColumnsOfTheirTable() {
        assertEquals("schema.yaml:4: table 't', primary key names column 'b', which the table does not have", error("""
                tables:
                  - table: t
                    columns: [{name: a, type: integer}]
                    primary_key: {name: pk, columns: [b]}
                """));
        assertEquals("schema.yaml:5: table 't', index 'ix' names column 'b', which the table does not have", error("""
                tables:
                  - table: t
                    columns: [{name: a, type: integer}]
                    indexes:
                      - {name: ix, columns: [a], include: [b]}
                """));
        assertEquals("schema.yaml:5: table 't', unique constraint names column 'b', which the table does not have",
                error("""
                tables:
                  - table: t
                    columns: [{name: a, type: integer}]
                    unique:
                      - {columns: [b]}
                """));
    }

    @Test
    void enumColumnsNeedTheirTypeOrTheirValues() {
        assertEquals("schema.yaml:4: table 't', column 'm' has type enum(mood), but enums does not declare 'mood': add it"
                + " there, or give the column its values", error("""
                tables:
                  - table: t
                    columns:
                      - {name: m, type: enum(mood)}
                """));
        assertEquals("schema.yaml:6: table 't', column 'm' lists the values [a, c], but enums declares 'mood' with [a, b]",
                error("""
                enums: [{name: mood, values: [a, b]}]
                tables:
                  - table: t
                    columns:
                      - {name: id, type: integer}
                      - {name: m, type: enum(mood), values: [a, c]}
                """));
        assertEquals("schema.yaml:7: table 'u', column 'm' lists the values [b], but another column gives 'mood' with [a]",
                error("""
                tables:
                  - table: t
                    columns:
                      - {name: m, type: enum(mood), values: [a]}
                  - table: u
                    columns:
                      - {name: m, type: enum(mood), values: [b]}
                """));
        Schema s = read("""
                tables:
                  - table: t
                    columns:
                      - {name: m, type: enum(mood), values: [a, b]}
                      - {name: ms, type: array(enum(mood)), nullable: false}
                """);
        assertEquals(List.of("a", "b"), s.table("t").column("m").type().values());
        assertTrue(read("enums: [{name: mood, values: [a]}]\ntables: [{table: t, columns: [{name: ms, type: array(enum(mood))}]}]\n")
                .tables().containsKey("t"));
        assertEquals("schema.yaml:4: table 't', column 'ms' has type enum(nope), but enums does not declare 'nope': add it"
                + " there, or give the column its values", error("""
                tables:
                  - table: t
                    columns:
                      - {name: ms, type: array(enum(nope))}
                """));
    }

    @Test
    void viewsAndHypertablesAreChecked() {
        assertEquals("schema.yaml:4: view 't' has the name of a table", error("""
                tables:
                  - {table: t, columns: [{name: a, type: integer}]}
                views:
                  - {name: t, query: SELECT 1}
                """));
        assertEquals("schema.yaml:2: hypertable 'metrics': the schema declares no table 'metrics'", error("""
                hypertables:
                  - {table: metrics, time_column: time}
                """));
        assertEquals("schema.yaml:4: hypertable 'm' names column 'time', which table 'm' does not have", error("""
                tables:
                  - {table: m, columns: [{name: t, type: timestamptz}]}
                hypertables:
                  - {table: m, time_column: time}
                """));
        assertEquals("schema.yaml:4: hypertable 'm', segment_by names column 'device', which table 'm' does not have",
                error("""
                tables:
                  - {table: m, columns: [{name: t, type: timestamptz}]}
                hypertables:
                  - {table: m, time_column: t, compression: {segment_by: [device]}}
                """));
        assertEquals("schema.yaml:4: hypertable 'm': partitioning_column and number_partitions go together", error("""
                tables:
                  - {table: m, columns: [{name: t, type: timestamptz}]}
                hypertables:
                  - {table: m, time_column: t, partitioning_column: t}
                """));
    }
}
