package dev.migrate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.support.PackagedApp;
import dev.migrate.support.PackagedApp.Running;
import dev.migrate.support.PostgresMigrationLock;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.Project;
import dev.migrate.support.TestDatabase;

/** SIGTERM stops a run over several PostgreSQL databases: each running one rolls back and frees its lock, the rest never start. */
class PostgresManyDatabasesIT {
    @TempDir
    Path tmp;

    private final List<TestDatabase> dbs = new ArrayList<>();

    @BeforeEach
    void databases() {
        for (int i = 0; i < 3; i++) dbs.add(new PostgresTestDatabase());
    }

    @AfterEach
    void drop() {
        for (TestDatabase d : dbs) d.close();
    }

    private static boolean inPause(TestDatabase d) {
        return !d.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                + " AND query LIKE 'SELECT pg_sleep%'").isEmpty();
    }

    @Test
    void sigtermStopsEveryRunCleanly() throws Exception {
        Project project = new Project(tmp.resolve("project"), dbs.get(0).url());
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE half (id INTEGER);\nSELECT pg_sleep(60);", "DROP TABLE half;");
        List<String> args = new ArrayList<>(List.of("-c", project.dir().resolve("migrate.yaml").toString(),
                "upgrade", "--concurrency", "2"));
        for (TestDatabase d : dbs) args.addAll(List.of("--url", d.url()));
        Running run = PackagedApp.start(tmp, "many", args);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!(inPause(dbs.get(0)) && inPause(dbs.get(1)))) {
            if (!run.process().isAlive() || System.nanoTime() > deadline) throw new AssertionError("never paused\n" + run.describe());
            Thread.sleep(20);
        }
        run.process().destroy();
        assertEquals(143, run.await(60), run::describe);

        List<String> out = run.out().strip().lines().toList();
        assertEquals(4, out.size(), run::describe);
        for (int i = 0; i < 2; i++) {
            assertTrue(out.get(i).startsWith(DatabaseUrl.mask(dbs.get(i).url()) + ": FAILED: interrupted: the open transaction was"
                    + " rolled back"), run::describe);
            assertEquals(List.of(List.of("a1")), dbs.get(i).query("SELECT version_num FROM alembic_version"));
            assertTrue(PostgresMigrationLock.isFree(dbs.get(i)), run::describe);
        }
        assertEquals(DatabaseUrl.mask(dbs.get(2).url()) + ": FAILED: interrupted before it started; nothing was changed", out.get(2));
        assertEquals("3 databases: 3 failed", out.get(3));
        assertTrue(dbs.get(2).query("SELECT 1 FROM information_schema.tables WHERE table_name = 'alembic_version'").isEmpty());
        assertFalse(run.err().contains("Exception"), run::describe);
    }
}
