package dev.migrate;

import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class SqliteExampleEnvironmentTest extends ExampleEnvironmentScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }
}
