package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.support.CliTest;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class SqliteHistoryTableTest extends HistoryTableScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    /** SQLite has no users: the operating-system user, as the environment names it. */
    @Override
    protected String expectedUser() {
        for (String name : new String[] {"USER", "USERNAME"}) {
            String v = System.getenv(name);
            if (v != null && !v.isEmpty()) return v;
        }
        return System.getProperty("user.name");
    }

    @Test
    void theTableHasAnAutoincrementKeyAndTypedColumns(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "ensure-version"));
        assertEquals(List.of(
                List.of("id", "INTEGER", "0", "1"), List.of("revision", "VARCHAR(32)", "1", "0"),
                List.of("direction", "VARCHAR(9)", "1", "0"), List.of("checksum", "VARCHAR(64)", "1", "0"),
                List.of("started_at", "DATETIME", "1", "0"), List.of("duration_ms", "INTEGER", "1", "0"),
                List.of("db_user", "TEXT", "0", "0"), List.of("tool_version", "TEXT", "0", "0"), List.of("message", "TEXT", "0", "0")),
                db.query("SELECT name, type, \"notnull\", pk FROM pragma_table_info('migrate_history')"));
    }
}
