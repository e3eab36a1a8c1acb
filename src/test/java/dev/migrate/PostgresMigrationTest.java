package dev.migrate;

import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class PostgresMigrationTest extends MigrationScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Override
    protected String tableExistsQuery(String table) {
        return "SELECT 1 FROM information_schema.tables WHERE table_name = '" + table + "'";
    }
}
