package dev.migrate.lint;

import static dev.migrate.lint.LintFixture.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.engine.Database;
import dev.migrate.support.PostgresTestDatabase;

/** The one catalog query lint makes on a real PostgreSQL, and what it changes in the findings. */
class PostgresTableSizesTest {
    private static PostgresTestDatabase db;
    private static TableSizes sizes;

    @TempDir
    Path tmp;

    @BeforeAll
    static void tables() {
        db = new PostgresTestDatabase();
        db.execute("CREATE TABLE empty_t (id bigint PRIMARY KEY, e text)");
        db.execute("CREATE TABLE analysed_t (id bigint PRIMARY KEY, e text)");
        db.execute("INSERT INTO analysed_t SELECT g, 'x' FROM generate_series(1, 5000) g");
        db.execute("ANALYZE analysed_t");
        // never analysed: the estimate says nothing, the pages on disk do
        db.execute("CREATE TABLE fresh_t (id bigint PRIMARY KEY, e text)");
        db.execute("INSERT INTO fresh_t SELECT g, 'x' FROM generate_series(1, 500) g");
        db.execute("CREATE TABLE parted_t (id bigint, e text) PARTITION BY RANGE (id)");
        Database session = db.open();
        try {
            sizes = TableSizes.read(session).await().indefinitely();
        } finally {
            session.close().await().indefinitely();
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void emptyTablesAreToldFromTablesWithRows() {
        assertTrue(sizes.known());
        assertFalse(sizes.mayHaveRows("empty_t"));
        assertFalse(sizes.mayHaveRows("public.empty_t"));
        assertTrue(sizes.mayHaveRows("analysed_t"));
        assertEquals(" (about 5,000 rows)", sizes.describe("analysed_t"));
        assertTrue(sizes.mayHaveRows("fresh_t"));
        assertTrue(sizes.describe("fresh_t").contains("pages"), sizes.describe("fresh_t"));
        assertTrue(sizes.mayHaveRows("parted_t"));
        assertFalse(sizes.mayHaveRows("no_such_table"));
    }

    @Test
    void aLockingChangeToAnEmptyTableIsLetPass() {
        LintResult r = new LintFixture(tmp).sizes(sizes)
                .sql("CREATE INDEX ix_e ON empty_t (e);\nCREATE INDEX ix_a ON analysed_t (e);\n"
                        + "ALTER TABLE empty_t ADD COLUMN n int NOT NULL;")
                .lintLast();
        assertEquals(Set.of("index-concurrently"), rules(r));
        assertTrue(r.counted().get(0).message().contains("analysed_t (about 5,000 rows)"), r.counted().get(0).message());
    }
}
