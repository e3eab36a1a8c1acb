package dev.migrate;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** {@link MigrationScenarios} on SQLite, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusMainIntegrationTest
class SqliteMigrationIT extends SqliteMigrationTest {
}
