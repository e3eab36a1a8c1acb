package dev.migrate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.PackagedApp;
import dev.migrate.support.PackagedApp.Running;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.Project;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

/**
 * Nothing is started that the command does not use (issue: speed): the packaged jar, run with the
 * JVM's class-loading log, must not load Vert.x for {@code --help}, a SQLite run or an offline run,
 * and must not load the SQLite driver for a PostgreSQL run. The PostgreSQL run loading Vert.x shows
 * that the log does see what it is asked about.
 */
class StartupFootprintIT {
    private static final String VERTX = "io.vertx.core.impl.VertxImpl";
    private static final String NETTY_EVENT_LOOP = "io.netty.channel.nio.NioEventLoop";
    private static final String SQLITE_DRIVER = "org.sqlite.JDBC";
    private static final String PG_CLIENT = "io.vertx.pgclient.impl.PgConnectionFactory";
    private static final Pattern LOADED = Pattern.compile("^\\[[^]]*]\\[info]\\[class,load] (\\S+) ", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @BeforeAll
    static void jarOnly() {
        assumeTrue(PackagedApp.isJar(), "class loading is a JVM matter; the native executable has no class loading to log");
    }

    /** The classes the JVM loaded while running {@code args}, after a successful exit. */
    private List<String> loadedClasses(String name, Project project, String... args) {
        List<String> all = new ArrayList<>();
        if (project != null) all.addAll(List.of("-c", project.dir().resolve("migrate.yaml").toString()));
        all.addAll(List.of(args));
        Running run = PackagedApp.start(tmp, name, List.of("-Xlog:class+load=info:stderr"), all);
        assertEquals(0, run.await(120), run::describe);
        List<String> classes = new ArrayList<>();
        Matcher m = LOADED.matcher(run.err());
        while (m.find()) classes.add(m.group(1));
        assertTrue(classes.size() > 100, "the class-loading log was read: " + classes.size() + " classes");
        return classes;
    }

    private Project project(TestDatabase db) {
        Project project = new Project(tmp.resolve("project"), db.url());
        project.sql("a1", null, "CREATE TABLE footprint (id INTEGER PRIMARY KEY);", "DROP TABLE footprint;");
        return project;
    }

    @Test
    void helpStartsNeitherEngine() {
        List<String> classes = loadedClasses("help", null, "--help");
        assertTrue(!classes.contains(VERTX) && !classes.contains(NETTY_EVENT_LOOP), "no Vert.x for --help");
        assertTrue(!classes.contains(SQLITE_DRIVER), "no SQLite driver for --help");
    }

    @Test
    void aSqliteRunNeverStartsVertx() {
        try (SqliteTestDatabase db = new SqliteTestDatabase()) {
            Project project = project(db);
            List<String> classes = loadedClasses("sqlite", project, "upgrade", "head");
            assertTrue(classes.contains(SQLITE_DRIVER), "the SQLite run used the SQLite driver");
            assertTrue(!classes.contains(VERTX) && !classes.contains(NETTY_EVENT_LOOP) && !classes.contains(PG_CLIENT),
                    "no Vert.x, Netty event loop or PostgreSQL client for a SQLite run");
        }
    }

    @Test
    void anOfflineRunNeverStartsVertx() {
        try (PostgresTestDatabase db = new PostgresTestDatabase()) {
            Project project = project(db);
            List<String> classes = loadedClasses("offline", project, "upgrade", "head", "--sql");
            assertTrue(!classes.contains(VERTX) && !classes.contains(PG_CLIENT), "no Vert.x for offline SQL");
            assertTrue(!classes.contains(SQLITE_DRIVER), "no SQLite driver for PostgreSQL offline SQL");
        }
    }

    @Test
    void aPostgresRunNeverLoadsTheSqliteDriver() {
        try (PostgresTestDatabase db = new PostgresTestDatabase()) {
            Project project = project(db);
            List<String> classes = loadedClasses("postgres", project, "upgrade", "head");
            assertTrue(classes.contains(VERTX) && classes.contains(PG_CLIENT), "the PostgreSQL run used Vert.x");
            assertTrue(!classes.contains(SQLITE_DRIVER), "no SQLite driver for a PostgreSQL run");
        }
    }
}
