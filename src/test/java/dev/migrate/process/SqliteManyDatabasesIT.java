package dev.migrate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.PackagedApp;
import dev.migrate.support.PackagedApp.Running;
import dev.migrate.support.Project;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

/** SIGINT stops a run over several SQLite databases one at a time: the running one rolls back, the rest never start. */
class SqliteManyDatabasesIT {
    @TempDir
    Path tmp;

    private final List<TestDatabase> dbs = new ArrayList<>();

    @BeforeEach
    void databases() {
        for (int i = 0; i < 3; i++) dbs.add(new SqliteTestDatabase());
    }

    @AfterEach
    void drop() {
        for (TestDatabase d : dbs) d.close();
    }

    @Test
    void sigintStopsTheRunningDatabaseAndTheOthersNeverStart() throws Exception {
        Project project = new Project(tmp.resolve("project"), dbs.get(0).url());
        // About three million rows a second: counting them keeps SQLite busy inside a1's transaction.
        project.sql("a1", null, "CREATE TABLE half (id INTEGER);\nSELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1"
                + " UNION ALL SELECT x + 1 FROM c WHERE x < 60 * 3000000) SELECT x FROM c);", "DROP TABLE half;");
        List<String> args = new ArrayList<>(List.of("-c", project.dir().resolve("migrate.yaml").toString(),
                "upgrade", "--concurrency", "1"));
        for (TestDatabase d : dbs) args.addAll(List.of("--url", d.url()));
        Running run = PackagedApp.start(tmp, "many", args);
        Properties props = new Properties();
        props.setProperty("busy_timeout", "0");
        String first = dbs.get(0).url().substring("sqlite:///".length());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!SqliteProcessIT.writeLocked(first, props)) {
            if (!run.process().isAlive() || System.nanoTime() > deadline) throw new AssertionError("never inside a1\n" + run.describe());
            Thread.sleep(20);
        }
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor());
        assertEquals(130, run.await(60), run::describe);

        List<String> out = run.out().strip().lines().toList();
        assertEquals(4, out.size(), run::describe);
        assertTrue(out.get(0).startsWith(dbs.get(0).url() + ": FAILED: interrupted: the open transaction was rolled back"),
                run::describe);
        for (int i = 1; i < 3; i++) {
            assertEquals(dbs.get(i).url() + ": FAILED: interrupted before it started; nothing was changed", out.get(i));
            assertEquals(Set.of(), dbs.get(i).tables(), run::describe);
        }
        assertEquals("3 databases: 3 failed", out.get(3));
        assertFalse(dbs.get(0).tables().contains("half"), run::describe);
        assertFalse(run.err().contains("Exception"), run::describe);
    }
}
