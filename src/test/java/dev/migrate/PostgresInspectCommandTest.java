package dev.migrate;

import dev.migrate.support.CliTest;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;

@CliTest
class PostgresInspectCommandTest extends InspectScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }
}
