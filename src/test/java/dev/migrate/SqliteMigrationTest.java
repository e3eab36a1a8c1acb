package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class SqliteMigrationTest extends MigrationScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    @Test
    void theVersionTableIsTheOneAlembicCreates(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "ensure-version"));
        assertEquals(List.of(List.of("version_num", "VARCHAR(32)", "1", "1")),
                db.query("SELECT name, type, \"notnull\", pk FROM pragma_table_info('alembic_version')"));
        String ddl = db.query("SELECT sql FROM sqlite_master WHERE name = 'alembic_version'").get(0).get(0);
        assertTrue(ddl.contains("CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)"), ddl);
    }

    @Override
    protected String tableExistsQuery(String table) {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'";
    }
}
