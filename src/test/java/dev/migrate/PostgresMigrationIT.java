package dev.migrate;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** {@link MigrationScenarios} on PostgreSQL, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusMainIntegrationTest
class PostgresMigrationIT extends PostgresMigrationTest {
}
