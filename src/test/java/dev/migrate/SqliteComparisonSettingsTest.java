package dev.migrate;

import dev.migrate.support.CliTest;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

/** compare_type and compare_server_default on SQLite, where types are compared as the declared types migrate writes. */
@CliTest
class SqliteComparisonSettingsTest extends ComparisonSettingsScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }
}
