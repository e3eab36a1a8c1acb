package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.support.Project;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@link ExampleEnvironmentScenarios} on SQLite, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusMainIntegrationTest
class SqliteExampleEnvironmentIT extends ExampleEnvironmentScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    /** Every operation of the TimescaleDB revision says dialect: postgresql: on SQLite it runs nothing. */
    @Test
    void theTimescaleRevisionRunsNothingOnSqlite(QuarkusMainLauncher launcher) {
        Project both = withTimescale();
        ok(both.run(launcher, "upgrade", "timescale@head"));
        assertEquals(List.of("f7a8b9c0d1e2"), versions());
        assertEquals(TABLES, db.tables());
        ok(both.run(launcher, "downgrade", "base"));
        assertEquals(Set.of(), db.tables());
    }
}
