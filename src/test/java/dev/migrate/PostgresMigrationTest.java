package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class PostgresMigrationTest extends MigrationScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Test
    void theVersionTableIsTheOneAlembicCreates(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "ensure-version"));
        assertEquals(List.of(List.of("version_num", "character varying", "32", "NO")),
                db.query("SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns"
                        + " WHERE table_name = 'alembic_version'"));
        assertEquals(List.of(List.of("alembic_version_pkc", "p")),
                db.query("SELECT conname, contype FROM pg_constraint WHERE conrelid = 'alembic_version'::regclass"));
    }

    @Override
    protected String tableExistsQuery(String table) {
        return "SELECT 1 FROM information_schema.tables WHERE table_name = '" + table + "'";
    }
}
