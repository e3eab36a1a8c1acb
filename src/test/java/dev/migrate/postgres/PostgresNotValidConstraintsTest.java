package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.migrate.engine.StatementFailed;
import dev.migrate.ops.Operation;
import dev.migrate.revision.YamlBody;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.Statement;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.yaml.YamlReader;

/**
 * not_valid and validate_constraint for real: a constraint added NOT VALID leaves the existing
 * rows alone but checks new ones; validate_constraint then checks the old ones, and fails on a
 * row that breaks it.
 */
class PostgresNotValidConstraintsTest {
    private final PostgresTestDatabase db = new PostgresTestDatabase();

    @AfterEach
    void drop() {
        db.close();
    }

    private void run(List<Operation> operations) {
        for (Operation op : operations) {
            for (Statement st : PostgresDialect.INSTANCE.render(op)) db.execute(st.sql());
        }
    }

    private static List<Operation> parse(String yaml) {
        return OperationParser.parse(YamlReader.read(yaml, "v1.yaml"));
    }

    /** pg_constraint.convalidated of each constraint of orders, by name. */
    private List<List<String>> validated() {
        return db.query("SELECT conname, convalidated::text FROM pg_constraint WHERE conrelid = 'orders'::regclass"
                + " AND contype IN ('f', 'c') ORDER BY conname");
    }

    @Test
    @Timeout(60)
    void notValidSkipsTheExistingRowsUntilValidated() {
        db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
        db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, amount INTEGER)");
        db.execute("INSERT INTO users VALUES (1)");
        db.execute("INSERT INTO orders VALUES (1, 1, 5), (2, 99, -1)");
        String up = """
                - create_foreign_key: {table: orders, name: fk_orders_user, columns: [user_id], ref_table: users,
                                       ref_columns: [id], not_valid: true}
                - create_check_constraint: {table: orders, name: ck_amount, expression: amount > 0, not_valid: true}
                """;
        run(parse(up));
        assertEquals(List.of(List.of("ck_amount", "false"), List.of("fk_orders_user", "false")), validated());
        StatementFailed newRow = assertThrows(StatementFailed.class, () -> db.execute("INSERT INTO orders VALUES (3, 1, -5)"));
        assertEquals("23514", newRow.sqlState(), "new rows are checked at once");

        StatementFailed old = assertThrows(StatementFailed.class,
                () -> run(parse("- validate_constraint: {table: orders, name: ck_amount}")));
        assertEquals("23514", old.sqlState(), "validation checks the rows added before");
        db.execute("DELETE FROM orders WHERE id = 2");
        run(parse("""
                - validate_constraint: {table: orders, name: ck_amount}
                - validate_constraint: {table: orders, name: fk_orders_user}
                """));
        assertEquals(List.of(List.of("ck_amount", "true"), List.of("fk_orders_user", "true")), validated());

        run(YamlBody.invert(parse(up + "- validate_constraint: {table: orders, name: ck_amount}\n")));
        assertEquals(List.of(), validated());
    }
}
