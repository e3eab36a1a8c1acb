package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.support.Outcomes;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class PostgresManyDatabasesTest extends ManyDatabasesScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Test
    void postgresAndSqliteDatabasesInOneRun(QuarkusMainLauncher launcher) {
        twoRevisions();
        try (TestDatabase sqlite = new SqliteTestDatabase(); TestDatabase failing = new SqliteTestDatabase()) {
            failing.execute("CREATE TABLE accounts (id INTEGER)");
            LaunchResult r = project.run(launcher, "upgrade", "--url", db.url(), "--url", sqlite.url(), "--url", failing.url(),
                    "--url", second.url());
            assertEquals(1, r.exitCode(), Outcomes.describe(r));
            List<String> out = lines(r.getOutput());
            assertEquals(name(db) + ": upgraded 2 revisions (<base> -> b2)", out.get(0));
            assertEquals(name(sqlite) + ": upgraded 2 revisions (<base> -> b2)", out.get(1));
            assertEquals(true, out.get(2).startsWith(name(failing) + ": FAILED: "), out.get(2));
            assertEquals(name(second) + ": upgraded 2 revisions (<base> -> b2)", out.get(3));
            assertEquals(List.of("b2"), versions(sqlite));
            assertEquals(List.of(), versions(failing));
        }
    }

    /** Fifty tenant databases from one process: each ends at head. */
    @Test
    void fiftyDatabases(QuarkusMainLauncher launcher) throws IOException {
        twoRevisions();
        List<TestDatabase> tenants = new ArrayList<>();
        try {
            StringBuilder file = new StringBuilder("# tenants\n");
            for (int i = 0; i < 50; i++) {
                TestDatabase t = i == 0 ? db : i == 1 ? second : i == 2 ? third : new PostgresTestDatabase();
                if (i > 2) tenants.add(t);
                file.append(t.url()).append('\n');
            }
            Path urls = Files.writeString(tmp.resolve("tenants.txt"), file.toString());
            LaunchResult r = project.run(launcher, "upgrade", "--url-file", urls.toString());
            assertEquals(0, r.exitCode(), Outcomes.describe(r));
            List<String> out = lines(r.getOutput());
            assertEquals(51, out.size());
            assertEquals("50 databases: 50 upgraded", out.get(50));
            for (TestDatabase t : tenants) assertEquals(List.of("b2"), versions(t));
            assertEquals(List.of("b2"), versions(db));
            LaunchResult current = project.run(launcher, "current", "--check-heads", "--url-file", urls.toString());
            assertEquals(0, current.exitCode(), Outcomes.describe(current));
            assertEquals("50 databases: 50 at head", lines(current.getOutput()).get(50));
        } finally {
            for (TestDatabase t : tenants) t.close();
        }
    }
}
