package dev.migrate;

import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class SqliteManyDatabasesTest extends ManyDatabasesScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }
}
