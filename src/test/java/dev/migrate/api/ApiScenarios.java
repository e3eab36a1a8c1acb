package dev.migrate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.migrate.api.AppliedStep.Direction;
import dev.migrate.errors.MigrationFailed;
import dev.migrate.errors.LockTimeout;
import dev.migrate.errors.GraphException;
import dev.migrate.support.EngineTestBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * The Java API on every engine, the way an application uses it: plain JUnit, no Quarkus, a
 * {@link Migrate} built from a {@code migrate.yaml} or from explicit settings, against a real
 * database. Subclassed once per engine.
 */
public abstract class ApiScenarios extends EngineTestBase {
    /** Takes the migration lock the way another run would; closing releases it. */
    protected abstract AutoCloseable holdLock() throws Exception;

    protected Path migrateYaml() {
        return project.dir().resolve("migrate.yaml");
    }

    protected List<String> versions(String table) {
        return db.query("SELECT version_num FROM " + table + " ORDER BY version_num").stream().map(r -> r.get(0)).toList();
    }

    protected void threeRevisions() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "ALTER TABLE accounts ADD COLUMN email VARCHAR(200);", "ALTER TABLE accounts DROP COLUMN email;");
        project.sql("c3", "b2", "CREATE TABLE orders (id INTEGER PRIMARY KEY);", "DROP TABLE orders;");
    }

    private static AppliedStep up(String id) {
        return new AppliedStep(id, Direction.UPGRADE, "revision " + id);
    }

    private static AppliedStep down(String id) {
        return new AppliedStep(id, Direction.DOWNGRADE, "revision " + id);
    }

    @Test
    void upgradeToHeadGivesTheStepsInOrderThenNothingToDo() {
        threeRevisions();
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            MigrationResult first = m.upgradeAndAwait("head");
            assertEquals(List.of(up("a1"), up("b2"), up("c3")), first.applied());
            assertEquals(List.of("c3"), first.current());
            assertFalse(first.nothingToDo());
            assertEquals(Set.of("accounts", "orders"), db.tables());
            assertEquals(List.of("c3"), versions("alembic_version"));

            MigrationResult again = m.upgradeAndAwait("head");
            assertTrue(again.nothingToDo());
            assertEquals(List.of(), again.applied());
            assertEquals(List.of("c3"), again.current());
        }
    }

    @Test
    void theUniVariantsGiveTheSameValuesAndProgressGoesToTheSink() {
        threeRevisions();
        List<String> progress = new CopyOnWriteArrayList<>();
        try (Migrate m = Migrate.builder().config(migrateYaml()).progress(progress::add).build()) {
            MigrationResult r = m.upgrade("b2").await().atMost(Duration.ofSeconds(30));
            assertEquals(List.of(up("a1"), up("b2")), r.applied());
            assertEquals(List.of("b2"), r.current());
            assertTrue(progress.stream().anyMatch(l -> l.startsWith("Running upgrade a1 -> b2, revision b2 (")),
                    progress.toString());

            assertEquals(new CurrentRevisions(List.of("b2"), List.of("c3")), m.current().await().atMost(Duration.ofSeconds(30)));
            MigrationResult down = m.downgrade("base").await().atMost(Duration.ofSeconds(30));
            assertEquals(List.of(down("b2"), down("a1")), down.applied());
            assertEquals(List.of(), down.current());
            assertEquals(List.of("c3"), m.stamp("head").await().atMost(Duration.ofSeconds(30)).revisions());
            assertEquals(Set.of(), db.tables());
        }
    }

    @Test
    void downgradeStepsBackAndToBase() {
        threeRevisions();
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            m.upgradeAndAwait("head");
            MigrationResult one = m.downgradeAndAwait("-1");
            assertEquals(List.of(down("c3")), one.applied());
            assertEquals(List.of("b2"), one.current());
            assertEquals(Set.of("accounts"), db.tables());
            MigrationResult base = m.downgradeAndAwait("base");
            assertEquals(List.of(down("b2"), down("a1")), base.applied());
            assertEquals(List.of(), base.current());
            assertEquals(Set.of(), db.tables());
            assertTrue(m.downgradeAndAwait("base").nothingToDo());
        }
    }

    @Test
    void currentReadsWithoutCreatingTheVersionTable() {
        threeRevisions();
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            CurrentRevisions empty = m.currentAndAwait();
            assertEquals(List.of(), empty.revisions());
            assertEquals(List.of("c3"), empty.heads());
            assertFalse(empty.atHead());
            assertFalse(db.hasTable("alembic_version"), "current must not create the version table");
            m.upgradeAndAwait("b2");
            assertFalse(m.currentAndAwait().atHead());
            m.upgradeAndAwait("head");
            CurrentRevisions head = m.currentAndAwait();
            assertEquals(List.of("c3"), head.revisions());
            assertTrue(head.atHead());
        }
    }

    @Test
    void stampWritesTheVersionTableWithoutRunningAnything() {
        threeRevisions();
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            assertEquals(new StampResult(List.of("c3")), m.stampAndAwait("head"));
            assertEquals(Set.of(), db.tables());
            assertEquals(List.of("a1"), m.stampAndAwait("a1").revisions());
            db.execute("INSERT INTO alembic_version (version_num) VALUES ('zz')");
            assertEquals(List.of("b2"), m.stampAndAwait(List.of("b2"), true).revisions());
            assertEquals(List.of("b2"), versions("alembic_version"));
            assertEquals(List.of(), m.stampAndAwait("base").revisions());
            assertEquals(List.of(), versions("alembic_version"));
        }
    }

    @Test
    void checkSaysWhetherTheDatabaseMatchesTheTargetSchema() throws IOException {
        Path schema = project.dir().resolve("migrations/schema.yaml");
        Files.writeString(schema, "");
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            CheckResult same = m.checkAndAwait();
            assertTrue(same.upToDate(), same.toString());
            assertEquals(List.of(), same.differences());

            Files.writeString(schema, "tables:\n  - table: notes\n    columns:\n      - {name: body, type: text}\n");
            CheckResult different = m.check().await().atMost(Duration.ofSeconds(30));
            assertFalse(different.upToDate());
            assertEquals(1, different.differences().size(), different.toString());
            assertTrue(different.differences().get(0).startsWith("create_table notes"), different.toString());
        }
    }

    @Test
    void checkNeedsTheDatabaseAtHead() throws IOException {
        threeRevisions();
        Files.writeString(project.dir().resolve("migrations/schema.yaml"), "");
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            dev.migrate.MigrateException e = assertThrows(dev.migrate.MigrateException.class, m::checkAndAwait);
            assertTrue(e.getMessage().contains("Target database is not up to date"), e.getMessage());
            assertTrue(e.getMessage().contains("upgrade it to head first (migrate upgrade head)"), e.getMessage());
        }
    }

    @Test
    void explicitSettingsNeedNoConfigurationFile() throws IOException {
        Path folder = tmp.resolve("elsewhere");
        Files.createDirectories(folder.resolve("versions"));
        Files.writeString(folder.resolve("versions/a1_rev.sql"), "-- revision: a1\n-- message: first\n\n"
                + "-- migrate:upgrade\nCREATE TABLE ${x.table} (id INTEGER);\n\n-- migrate:downgrade\nDROP TABLE ${x.table};\n");
        List<String> progress = new CopyOnWriteArrayList<>();
        try (Migrate m = Migrate.builder().url(db.url()).scriptLocation(folder).versionTable("app_versions")
                .historyTable(null).transactionPerMigration(false).lockTimeout(Duration.ofSeconds(5))
                .connectWait(Duration.ZERO).connectTimeout(Duration.ofSeconds(5)).x("table", "widgets")
                .progress(progress::add).build()) {
            MigrationResult r = m.upgradeAndAwait("head");
            assertEquals(List.of(new AppliedStep("a1", Direction.UPGRADE, "first")), r.applied());
        }
        assertEquals(Set.of("widgets", "app_versions"), db.tables());
        assertEquals(List.of("a1"), versions("app_versions"));
        assertFalse(db.hasTable("alembic_version"));
        assertFalse(db.hasTable("migrate_history"), "history_table: null keeps no history");
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("Running upgrade <base> -> a1, first")), progress.toString());
    }

    @Test
    void theBuilderOverridesTheFileAndExpandsItsVariables() throws IOException {
        threeRevisions();
        Path yaml = Files.writeString(tmp.resolve("other.yaml"), "script_location: migrations\nurl: ${APP_DB_URL}\n"
                + "version_table: ${VERSIONS:-alembic_version}\n");
        try (Migrate m = Migrate.builder().config(yaml).environment(Map.of("APP_DB_URL", db.url(), "VERSIONS", "v_table"))
                .build()) {
            assertEquals(List.of("c3"), m.upgradeAndAwait("head").current());
        }
        assertEquals(List.of("c3"), versions("v_table"));
        // The file's URL is overridden: a URL the file could not reach.
        Path wrong = Files.writeString(tmp.resolve("wrong.yaml"), "script_location: migrations\n"
                + "url: sqlite:///" + tmp.resolve("missing-folder/never.db") + "\n");
        try (Migrate m = Migrate.builder().config(wrong).url(db.url()).versionTable("v_table").build()) {
            assertTrue(m.currentAndAwait().atHead());
        }
    }

    @Test
    void aFailingRevisionRaisesMigrationFailedAndLeavesWhatTheCommandWould() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        Path bad = project.sql("b2", "a1", "CREATE TABLE half (id INTEGER);\nINSERT INTO missing_table VALUES (1);", "DROP TABLE half;");
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            MigrationFailed e = assertThrows(MigrationFailed.class, () -> m.upgradeAndAwait("head"));
            assertEquals("b2", e.revision());
            assertTrue(e.getMessage().contains(bad.getFileName() + ":7"), e.getMessage());
            assertTrue(e.getMessage().contains("missing_table"), e.getMessage());
            assertEquals(List.of("a1"), versions("alembic_version"));
            assertEquals(Set.of("accounts"), db.tables());
            assertThrows(MigrationFailed.class, () -> m.upgrade("head").await().atMost(Duration.ofSeconds(30)));
            assertEquals(List.of("a1"), m.currentAndAwait().revisions());
        }
    }

    @Test
    void configurationErrorsAreTypedAndNeverShowThePassword() throws IOException {
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> Migrate.fromConfig(tmp.resolve("absent.yaml")));
        assertTrue(missing.getMessage().contains("absent.yaml"), missing.getMessage());

        Path typo = Files.writeString(tmp.resolve("typo.yaml"), "url: " + db.url() + "\nlock_timout: 5s\n");
        ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> Migrate.fromConfig(typo));
        assertTrue(unknown.getMessage().contains("typo.yaml:2") && unknown.getMessage().contains("lock_timeout"),
                unknown.getMessage());

        Path many = Files.writeString(tmp.resolve("many.yaml"), "databases:\n  tenant_a: " + db.url() + "\n");
        ConfigurationException noUrl = assertThrows(ConfigurationException.class, () -> Migrate.fromConfig(many));
        assertTrue(noUrl.getMessage().contains("give it a URL (--url URL, MigrateBuilder.url)"), noUrl.getMessage());

        ConfigurationException url = assertThrows(ConfigurationException.class,
                () -> Migrate.builder().url("postgresql://app:Sup3rS3cret@db.example:port/app").build());
        assertFalse(url.getMessage().contains("Sup3rS3cret"), url.getMessage());
    }

    @Test
    void anUnknownTargetIsAGraphException() {
        threeRevisions();
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            assertThrows(GraphException.class, () -> m.upgradeAndAwait("zz9"));
            assertThrows(GraphException.class, () -> m.downgrade("zz9").await().atMost(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aHeldLockTimesOutWithLockTimeout() throws Exception {
        threeRevisions();
        try (Migrate m = Migrate.builder().config(migrateYaml()).lockTimeout(Duration.ofMillis(300)).build();
             AutoCloseable held = holdLock()) {
            LockTimeout e = assertThrows(LockTimeout.class, () -> m.upgradeAndAwait("head"));
            assertTrue(e.getMessage().contains("could not take the migration lock within 300ms"), e.getMessage());
            assertTrue(e.getMessage().endsWith("or raise lock_timeout (--lock-timeout)."), e.getMessage());
            assertThrows(LockTimeout.class, () -> m.stamp("head").await().atMost(Duration.ofSeconds(30)));
            assertEquals(Set.of(), db.tables());
        }
    }

    @Test
    void theUnisReadTheRevisionFilesOffTheEventLoopThatSubscribes() throws Exception {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        // A revision whose parent is missing: reading the files fails, on whichever thread reads them.
        project.sql("b2", "zz9", "CREATE TABLE orders (id INTEGER PRIMARY KEY);", "DROP TABLE orders;");
        List<Function<Migrate, Uni<?>>> unis = List.of(m -> m.upgrade("head"), m -> m.downgrade("base"), Migrate::current,
                m -> m.stamp("head"), Migrate::check);
        Vertx vertx = Vertx.vertx();
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            for (Function<Migrate, Uni<?>> uni : unis) {
                CompletableFuture<Throwable> failure = new CompletableFuture<>();
                CompletableFuture<Boolean> failedOnEventLoop = new CompletableFuture<>();
                vertx.getOrCreateContext().runOnContext(() -> uni.apply(m).subscribe().with(
                        item -> failure.complete(null),
                        e -> {
                            failedOnEventLoop.complete(Context.isOnEventLoopThread());
                            failure.complete(e);
                        }));
                assertTrue(failure.get(30, TimeUnit.SECONDS) instanceof dev.migrate.MigrateException,
                        String.valueOf(failure.getNow(null)));
                assertFalse(failedOnEventLoop.get(), "the revision files were read on the subscriber's event loop");
            }
        } finally {
            vertx.closeAndAwait();
        }
    }
}
