package dev.migrate.support;

/**
 * A history that uses most operations, both file formats, dialect-restricted parts, a statement
 * that must run outside a transaction, a non-transactional revision, two branches and their merge:
 * m1 → m2 → m3 → m4 → m5 → (m6a, m6b) → m7. It runs on PostgreSQL and SQLite alike.
 */
public final class ManyOperations {
    private ManyOperations() {
    }

    public static void write(Project p) {
        p.file("m1_customers.yaml", """
                revision: m1
                down_revision: null
                message: customers
                upgrade:
                  - create_table:
                      table: customers
                      comment: people and companies we bill
                      columns:
                        - {name: id, type: identity, primary_key: true}
                        - {name: public_id, type: uuid, nullable: false, server_default: uuid()}
                        - {name: email, type: string(255), nullable: false, unique: true}
                        - {name: kind, type: enum(customer_kind), values: [person, company], nullable: false, server_default: person}
                        - {name: active, type: boolean, nullable: false, server_default: true}
                        - {name: credit, type: "numeric(10,2)", server_default: 0}
                        - {name: ratio, type: double}
                        - {name: score, type: float}
                        - {name: tags, type: array(text)}
                        - {name: profile, type: jsonb, nullable: false, server_default: "{}"}
                        - {name: born, type: date}
                        - {name: wakes, type: time}
                        - {name: seen_at, type: timestamp}
                        - {name: created_at, type: timestamptz, nullable: false, server_default: now()}
                        - {name: trial, type: interval}
                        - {name: avatar, type: bytes}
                        - {name: note, type: text, comment: free text}
                        - {name: small, type: smallint}
                        - {name: big, type: bigint}
                      checks:
                        - {name: ck_customers_credit, expression: "credit >= 0"}
                  - create_index: {name: ix_customers_lower_email, table: customers, expressions: ["lower(email)"], unique: true}
                  - create_index: {name: ix_customers_active, table: customers, columns: [created_at], where: active}
                """);
        p.file("m2_orders.yaml", """
                revision: m2
                down_revision: m1
                message: orders
                upgrade:
                  - create_table:
                      table: orders
                      columns:
                        - {name: id, type: bigidentity, primary_key: true}
                        - {name: customer_id, type: integer, nullable: false, references: customers.id, on_delete: CASCADE}
                        - {name: total, type: "numeric(12,2)", nullable: false, server_default: 0}
                        - {name: status, type: string(20), nullable: false, server_default: new}
                      unique:
                        - {name: uq_orders_customer_status, columns: [customer_id, status]}
                  - add_column: {table: customers, column: {name: phone, type: string(30)}}
                  - rename_column: {table: customers, column: note, new_name: remarks}
                  - create_index: {name: ix_orders_status, table: orders, columns: [status]}
                  - bulk_insert:
                      table: customers
                      rows:
                        - {email: a@example.com}
                        - {email: b@example.com, kind: company}
                downgrade:
                  - execute: "DELETE FROM customers WHERE email IN ('a@example.com', 'b@example.com')"
                  - drop_index: {name: ix_orders_status, table: orders}
                  - rename_column: {table: customers, column: remarks, new_name: note}
                  - drop_column: {table: customers, column: phone}
                  - drop_table: {table: orders}
                """);
        p.file("m3_purchases.yaml", """
                revision: m3
                down_revision: m2
                message: purchases
                upgrade:
                  - rename_table: {table: orders, new_name: purchases}
                  - alter_column: {table: purchases, column: status, type: string(40), existing_type: string(20), dialect: postgresql}
                  - alter_column: {table: customers, column: ratio, server_default: 1, dialect: postgresql}
                  - create_check_constraint: {table: purchases, name: ck_purchases_total, expression: "total >= 0", dialect: postgresql}
                  - create_unique_constraint: {table: customers, name: uq_customers_public_id, columns: [public_id], dialect: postgresql}
                  - create_table_comment: {table: purchases, comment: "orders, renamed"}
                  - create_view: {name: active_customers, query: "SELECT id, email FROM customers WHERE active"}
                  - execute: {postgresql: "COMMENT ON VIEW active_customers IS 'who is active'"}
                downgrade:
                  - drop_view: {name: active_customers}
                  - create_table_comment: {table: purchases, comment: null}
                  - drop_constraint: {table: customers, name: uq_customers_public_id, type: unique, dialect: postgresql}
                  - drop_constraint: {table: purchases, name: ck_purchases_total, type: check, dialect: postgresql}
                  - alter_column: {table: customers, column: ratio, server_default: null, dialect: postgresql}
                  - alter_column: {table: purchases, column: status, type: string(20), dialect: postgresql}
                  - rename_table: {table: purchases, new_name: orders}
                """);
        p.file("m4_touch.sql", """
                -- revision: m4
                -- down_revision: m3
                -- message: touch trigger

                -- migrate:upgrade postgresql
                CREATE FUNCTION touch_customer() RETURNS trigger AS $$
                BEGIN
                  NEW.seen_at = now();
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;
                CREATE TRIGGER customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch_customer();

                -- migrate:upgrade sqlite
                CREATE TRIGGER customers_touch AFTER UPDATE OF email ON customers BEGIN
                  UPDATE customers SET seen_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
                END;

                -- migrate:downgrade postgresql
                DROP TRIGGER customers_touch ON customers;
                DROP FUNCTION touch_customer();

                -- migrate:downgrade sqlite
                DROP TRIGGER customers_touch;
                """);
        p.file("m5_index.sql", """
                -- revision: m5
                -- down_revision: m4
                -- message: index built without blocking writes

                -- migrate:upgrade postgresql
                CREATE INDEX CONCURRENTLY ix_purchases_total ON purchases (total);

                -- migrate:upgrade sqlite
                CREATE INDEX ix_purchases_total ON purchases (total);

                -- migrate:downgrade postgresql
                DROP INDEX CONCURRENTLY ix_purchases_total;

                -- migrate:downgrade sqlite
                DROP INDEX ix_purchases_total;
                """);
        p.file("m6a_note.yaml", """
                revision: m6a
                down_revision: m5
                message: purchase notes
                upgrade:
                  - add_column: {table: purchases, column: {name: note, type: text}}
                """);
        p.file("m6b_audit.yaml", """
                revision: m6b
                down_revision: m5
                message: audit log
                transactional: false
                upgrade:
                  - create_table:
                      table: audit
                      columns:
                        - {name: id, type: integer, primary_key: true}
                        - {name: at, type: timestamptz, nullable: false, server_default: now()}
                        - {name: what, type: text}
                  - create_index: {name: ix_audit_at, table: audit, columns: [at]}
                """);
        p.file("m7_merge.yaml", """
                revision: m7
                down_revision: [m6a, m6b]
                message: merge notes and audit
                upgrade: []
                downgrade: []
                """);
    }
}
