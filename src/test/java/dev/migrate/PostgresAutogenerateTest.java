package dev.migrate;

import dev.migrate.support.CliTest;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

/**
 * PostgreSQL: extensions, enums, tables, comments, every key, checks, indexes (expressions,
 * predicate, method, INCLUDE), views and materialized views; the change appends an enum value,
 * alters columns in place and adds and drops objects. (TimescaleDB is not installed here: its
 * diff is covered on schema pairs.)
 */
@CliTest
class PostgresAutogenerateTest extends AutogenerateScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Override
    protected TestDatabase otherDatabase() {
        return new SqliteTestDatabase();
    }

    @Override
    protected String firstSchema() {
        return """
                extensions:
                  - citext
                enums:
                  - {name: status, values: [new, paid]}
                tables:
                  - table: customers
                    comment: who buys
                    columns:
                      - {name: id, type: identity}
                      - {name: email, type: "string(200)", nullable: false, comment: login}
                      - {name: handle, type: sql(citext)}
                      - {name: created, type: timestamptz, nullable: false, server_default: now()}
                      - {name: token, type: uuid, server_default: uuid()}
                      - {name: tags, type: array(text)}
                      - {name: data, type: jsonb}
                    primary_key: {name: customers_pkey, columns: [id]}
                    unique:
                      - {name: customers_email_key, columns: [email]}
                    indexes:
                      - {name: customers_lower_email, expressions: [lower(email)]}
                      - {name: customers_tags, columns: [tags], using: gin}
                  - table: orders
                    columns:
                      - {name: id, type: bigidentity}
                      - {name: customer_id, type: integer, nullable: false}
                      - {name: status, type: enum(status), nullable: false, server_default: new}
                      - {name: total, type: "numeric(10,2)", nullable: false, server_default: 0}
                      - {name: note, type: text}
                    primary_key: {name: orders_pkey, columns: [id]}
                    foreign_keys:
                      - {name: orders_customer_id_fkey, columns: [customer_id], ref_table: customers, ref_columns: [id], on_delete: CASCADE}
                    checks:
                      - {name: orders_total_check, expression: "total >= 0"}
                    indexes:
                      - {name: orders_open, columns: [customer_id], where: "total > 0", include: [total]}
                views:
                  - {name: paid_orders, query: "SELECT id, total FROM orders WHERE status = 'paid'"}
                  - {name: totals, materialized: true, query: "SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id"}
                """;
    }

    @Override
    protected String changedSchema() {
        return firstSchema()
                .replace("  - citext\n", "  - citext\n  - hstore\n")
                .replace("[new, paid]", "[new, paid, shipped]")
                .replace("    comment: who buys\n", "    comment: who buys things\n")
                .replace("{name: email, type: \"string(200)\", nullable: false, comment: login}",
                        "{name: email, type: \"string(300)\", nullable: false, comment: sign in}")
                .replace("{name: note, type: text}", "{name: note, type: text, nullable: false, server_default: none}")
                .replace("server_default: 0}", "server_default: 1}")
                .replace("      - {name: customers_tags, columns: [tags], using: gin}\n", "")
                .replace("      - {name: data, type: jsonb}\n", "      - {name: data, type: jsonb}\n      - {name: age, type: smallint}\n")
                .replace("    checks:\n      - {name: orders_total_check, expression: \"total >= 0\"}\n",
                        "    checks:\n      - {name: orders_total_check, expression: \"total >= 0\"}\n"
                                + "    unique:\n      - {name: orders_note_key, columns: [customer_id, note]}\n")
                .replace("  - {name: paid_orders, query: \"SELECT id, total FROM orders WHERE status = 'paid'\"}\n", "")
                .replace("views:\n", """
                          - table: events
                            columns:
                              - {name: id, type: bigint, primary_key: true}
                              - {name: customer_id, type: integer, references: customers.id}
                        views:
                        """);
    }
}
