package dev.migrate;

import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class PostgresExampleEnvironmentTest extends ExampleEnvironmentScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }
}
