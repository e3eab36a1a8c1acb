package dev.migrate;

import dev.migrate.support.CliTest;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

@CliTest
class SqliteManyDatabasesTest extends ManyDatabasesScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }
}
