package dev.migrate;

import dev.migrate.support.CliTest;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;

/** SQLite: tables, columns, keys, unique, foreign keys, checks, indexes, enum columns, views; changes SQLite can make in place. */
@CliTest
class SqliteAutogenerateTest extends AutogenerateScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    @Override
    protected TestDatabase otherDatabase() {
        return new PostgresTestDatabase();
    }

    @Override
    protected String firstSchema() {
        return """
                tables:
                  - table: customers
                    columns:
                      - {name: id, type: identity}
                      - {name: email, type: "string(200)", nullable: false}
                      - {name: status, type: enum(status), values: [new, active], nullable: false, server_default: new}
                      - {name: created, type: timestamp, server_default: now()}
                      - {name: active, type: boolean, nullable: false, server_default: true}
                    unique:
                      - {name: customers_email_key, columns: [email]}
                  - table: orders
                    columns:
                      - {name: id, type: integer, nullable: false}
                      - {name: customer_id, type: integer, nullable: false}
                      - {name: total, type: "numeric(10,2)", nullable: false, server_default: 0}
                      - {name: ref, type: uuid}
                    primary_key: {name: orders_pkey, columns: [id]}
                    foreign_keys:
                      - {name: orders_customer_fkey, columns: [customer_id], ref_table: customers, ref_columns: [id], on_delete: CASCADE}
                    checks:
                      - {name: orders_total_check, expression: \"total >= 0\"}
                    indexes:
                      - {name: orders_customer, columns: [customer_id], where: \"total > 0\"}
                      - {name: orders_ref, expressions: [lower(ref)], unique: true}
                views:
                  - {name: big_orders, query: \"SELECT id, total FROM orders WHERE total > 100\"}
                """;
    }

    @Override
    protected String changedSchema() {
        return firstSchema()
                .replace("      - {name: ref, type: uuid}\n", "      - {name: ref, type: uuid}\n      - {name: note, type: text, server_default: none}\n")
                .replace("      - {name: orders_customer, columns: [customer_id], where: \"total > 0\"}\n", "")
                .replace("views:\n  - {name: big_orders, query: \"SELECT id, total FROM orders WHERE total > 100\"}\n", """
                          - table: notes
                            columns:
                              - {name: id, type: integer, primary_key: true}
                              - {name: body, type: text}
                        views:
                          - {name: small_orders, query: \"SELECT id FROM orders WHERE total < 10\"}
                        """);
    }
}
