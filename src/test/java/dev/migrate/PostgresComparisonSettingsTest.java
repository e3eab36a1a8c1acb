package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migrate.support.CliTest;
import dev.migrate.support.Outcomes;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * compare_type and compare_server_default on PostgreSQL, and include_schemas: only the schemas it
 * names are read, so a table in another schema neither differs from the target nor satisfies it.
 */
@CliTest
class PostgresComparisonSettingsTest extends ComparisonSettingsScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    private static final String ACCOUNTS = """
            tables:
              - table: accounts
                columns:
                  - {name: id, type: integer, nullable: false}
            """;

    private static final String ACCOUNTS_AND_REPORTS = ACCOUNTS + """
              - table: reports.daily
                columns:
                  - {name: day, type: date, nullable: false}
            """;

    /** A history with accounts in public and daily in a schema of its own, reports. */
    private void twoSchemas(QuarkusMainLauncher launcher) {
        project.sql("s1", null, """
                CREATE TABLE accounts (id integer NOT NULL);
                CREATE SCHEMA reports;
                CREATE TABLE reports.daily (day date NOT NULL);""", """
                DROP SCHEMA reports CASCADE;
                DROP TABLE accounts;""");
        ok(project.run(launcher, "upgrade", "head"));
    }

    @Test
    void aSchemaLeftOutOfIncludeSchemasIsNotCompared(QuarkusMainLauncher launcher) {
        twoSchemas(launcher);
        target(ACCOUNTS);
        // the default, [public]: reports.daily is not read, so nothing differs
        checked(project.run(launcher, "check"), 0);
        assertFalse(Outcomes.ok(project.run(launcher, "inspect")).contains("daily"));
        // a target that wants it finds it missing, as the schema is not looked at
        target(ACCOUNTS_AND_REPORTS);
        String missing = checked(project.run(launcher, "check"), 3);
        assertTrue(missing.contains("create_table reports.daily"), missing);
    }

    @Test
    void aSchemaInIncludeSchemasIsComparedLikePublic(QuarkusMainLauncher launcher) {
        twoSchemas(launcher);
        configure("include_schemas: [public, reports]\n");
        assertTrue(Outcomes.ok(project.run(launcher, "inspect")).contains("reports.daily"));
        target(ACCOUNTS_AND_REPORTS);
        checked(project.run(launcher, "check"), 0);
        // read now, the table the target does not declare is to be dropped
        target(ACCOUNTS);
        String extra = checked(project.run(launcher, "check"), 3);
        assertTrue(extra.contains("drop_table reports.daily"), extra);
    }
}
