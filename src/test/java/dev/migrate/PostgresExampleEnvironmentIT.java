package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.Project;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@link ExampleEnvironmentScenarios} on PostgreSQL, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusMainIntegrationTest
class PostgresExampleEnvironmentIT extends ExampleEnvironmentScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    /**
     * The test server has no TimescaleDB: the hypertable revision fails naming itself and the
     * extension, and leaves the main line applied. (Its SQL has exact tests in TimescaleSqlTest.)
     */
    @Test
    void theTimescaleRevisionNeedsTheExtensionAndSaysSo(QuarkusMainLauncher launcher) {
        Project both = withTimescale();
        LaunchResult r = both.run(launcher, "upgrade", "timescale@head");
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        String err = r.getErrorOutput();
        assertTrue(err.contains("revision f7a8b9c0d1e2 (usage events as a TimescaleDB hypertable) failed at "), err);
        assertTrue(err.contains("f7a8b9c0d1e2_usage_events_hypertable.yaml:12"), err);
        assertTrue(err.contains("CREATE EXTENSION IF NOT EXISTS timescaledb"), err);
        assertTrue(err.contains("timescaledb"), err);
        assertFalse(err.contains("Exception"), err);
        assertEquals(List.of(MAIN_HEAD), versions());
        assertEquals(TABLES, db.tables());
    }
}
