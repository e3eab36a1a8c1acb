package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.migrate.support.CliTest;
import dev.migrate.support.Outcomes;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
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

    /** The peak number of databases with a session open while {@code run} runs, each known by its application_name. */
    private int peakSessions(String tag, Supplier<LaunchResult> run) throws Exception {
        AtomicInteger peak = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                int n = Integer.parseInt(db.query("SELECT count(DISTINCT application_name) FROM pg_stat_activity"
                        + " WHERE application_name LIKE '" + tag + "%'").get(0).get(0));
                peak.accumulateAndGet(n, Math::max);
            }
        });
        sampler.start();
        try {
            ok(run.get());
        } finally {
            done.set(true);
            sampler.join();
        }
        return peak.get();
    }

    @Test
    void concurrencyLimitsTheDatabasesWithASessionOpen(QuarkusMainLauncher launcher) throws Exception {
        project.sql("a1", null, "SELECT pg_sleep(0.6);", "SELECT pg_sleep(0.6);");
        String tag = "many_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        List<String> urls = new ArrayList<>();
        List<TestDatabase> all = List.of(db, second, third);
        for (int i = 0; i < all.size(); i++) urls.addAll(List.of("--url", all.get(i).url() + "?application_name=" + tag + i));
        List<String> up = new ArrayList<>(List.of("upgrade", "--concurrency", "1"));
        up.addAll(urls);
        assertEquals(1, peakSessions(tag, () -> project.run(launcher, up.toArray(String[]::new))));
        List<String> down = new ArrayList<>(List.of("downgrade", "base", "--concurrency", "2"));
        down.addAll(urls);
        assertEquals(2, peakSessions(tag, () -> project.run(launcher, down.toArray(String[]::new))));
    }

    /** A URL's password stays hidden in every line about its database: summary, error and JSON. */
    @Test
    void aPasswordNeverAppearsWhenADatabaseCannotBeReached(QuarkusMainLauncher launcher) {
        twoRevisions();
        String unreachable = "postgresql://app:Sup3rS3cretPw@127.0.0.1:1/nowhere";
        String masked = "postgresql://app:***@127.0.0.1:1/nowhere";
        LaunchResult r = project.run(launcher, "upgrade", "--wait", "0s", "--url", unreachable, "--url", db.url());
        assertEquals(1, r.exitCode(), Outcomes.describe(r));
        assertFalse((r.getOutput() + r.getErrorOutput()).contains("Sup3rS3cretPw"), Outcomes.describe(r));
        assertTrue(lines(r.getOutput()).get(0).startsWith(masked + ": FAILED: cannot connect"), Outcomes.describe(r));
        assertTrue(r.getErrorOutput().contains("ERROR: " + masked + ": cannot connect"), Outcomes.describe(r));

        LaunchResult json = project.run(launcher, "--json", "current", "--wait", "0s", "--url", unreachable, "--url", db.url());
        assertEquals(1, json.exitCode(), Outcomes.describe(json));
        assertFalse((json.getOutput() + json.getErrorOutput()).contains("Sup3rS3cretPw"), Outcomes.describe(json));
        String out = json.getOutput().replace(" ", "");
        assertTrue(out.contains("\"name\":\"" + masked + "\",\"status\":\"failed\""), out);
        assertTrue(out.contains("\"error\":\"cannotconnectto" + masked), out);
    }

    /** Fifty tenant databases from one process: each ends at head. */
    @Test
    void fiftyDatabases(QuarkusMainLauncher launcher) throws IOException {
        twoRevisions();
        // The 47 beyond the three every test has are taken at once: one after another they took a minute.
        List<PostgresTestDatabase> tenants = PostgresTestDatabase.many(47);
        try {
            StringBuilder file = new StringBuilder("# tenants\n");
            List<TestDatabase> all = new ArrayList<>(List.of(db, second, third));
            all.addAll(tenants);
            for (TestDatabase t : all) file.append(t.url()).append('\n');
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
            PostgresTestDatabase.closeAll(tenants);
        }
    }
}
