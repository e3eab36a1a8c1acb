package dev.migrate;

import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class PostgresInspectCommandTest extends InspectScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }
}
