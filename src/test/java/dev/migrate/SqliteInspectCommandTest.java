package dev.migrate;

import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class SqliteInspectCommandTest extends InspectScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }
}
