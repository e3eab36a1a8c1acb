package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.support.CliTest;
import dev.migrate.support.Outcomes;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.Project;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class PostgresHistoryTableTest extends HistoryTableScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    /** The database role the session runs as. */
    @Override
    protected String expectedUser() {
        return db.query("SELECT current_user").get(0).get(0);
    }

    @Test
    void theTableHasAnIdentityKeyAndTypedColumns(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "ensure-version"));
        assertEquals(List.of(
                List.of("id", "bigint", "NO", "YES"), List.of("revision", "character varying", "NO", "NO"),
                List.of("direction", "character varying", "NO", "NO"), List.of("checksum", "character varying", "NO", "NO"),
                List.of("started_at", "timestamp with time zone", "NO", "NO"), List.of("duration_ms", "bigint", "NO", "NO"),
                List.of("db_user", "text", "YES", "NO"), List.of("tool_version", "text", "YES", "NO"), List.of("message", "text", "YES", "NO")),
                db.query("SELECT column_name, data_type, is_nullable, is_identity FROM information_schema.columns"
                        + " WHERE table_name = 'migrate_history' ORDER BY ordinal_position"));
    }

    @Test
    void versionTableSchemaHoldsTheHistoryTableToo(QuarkusMainLauncher launcher) {
        db.execute("CREATE SCHEMA migrator");
        project = new Project(tmp, db.url(), "version_table_schema: migrator\n");
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "ALTER TABLE accounts ADD COLUMN email TEXT;", "ALTER TABLE accounts DROP COLUMN email;");
        ok(project.run(launcher, "upgrade"));
        ok(project.run(launcher, "downgrade", "-1"));
        assertEquals(List.of(List.of("a1", "upgrade"), List.of("b2", "upgrade"), List.of("b2", "downgrade")),
                db.query("SELECT revision, direction FROM migrator.migrate_history ORDER BY id"));
        assertTrue(db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name = 'migrate_history'").isEmpty(), "nothing of the tool's in public");
        LaunchResult validate = project.run(launcher, "validate");
        ok(validate);
        assertEquals("the 1 applied revision matches its file", validate.getOutput().strip());
        assertTrue(Outcomes.ok(project.run(launcher, "history", "--applied")).startsWith("b2  downgrade"));
    }
}
