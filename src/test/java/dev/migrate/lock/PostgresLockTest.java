package dev.migrate.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.migrate.engine.interrupt.Interruption;
import dev.migrate.errors.RunInterrupted;
import dev.migrate.support.CliTest;
import dev.migrate.postgres.AdvisoryLockKey;
import dev.migrate.support.PostgresMigrationLock;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;

@CliTest
class PostgresLockTest extends LockScenarios {
    private static final long KEY = PostgresMigrationLock.KEY;

    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Override
    protected HeldLock holdLock() {
        PostgresMigrationLock held = PostgresMigrationLock.hold(db);
        return new HeldLock() {
            @Override
            public String holderPid() {
                return held.holderPid();
            }

            @Override
            public void close() {
                held.close();
            }
        };
    }

    @Override
    protected boolean lockIsFree() {
        return PostgresMigrationLock.isFree(db);
    }

    @Test
    void anInterruptionCancelsTheRunningStatement() throws Exception {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE orders (id INTEGER PRIMARY KEY);\nSELECT pg_sleep(120);", "DROP TABLE orders;");
        Interruption interruption = new Interruption();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                upgrade("head", Duration.ofSeconds(5), interruption, line -> { });
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        while (db.query("SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(120)%'").isEmpty()) {
            if (outcome.isDone()) throw new AssertionError("the run ended before sleeping", outcome.get());
            Thread.sleep(50);
        }
        interruption.request();
        Throwable e = outcome.get();
        assertTrue(e instanceof RunInterrupted, String.valueOf(e));
        assertTrue(e.getMessage().contains("the database stays at a1"), e.getMessage());
        assertEquals(Set.of("accounts"), db.tables());
        assertEquals(List.of(List.of("a1")), db.query("SELECT version_num FROM alembic_version"));
        assertTrue(lockIsFree());
    }

    @Test
    void theKeyIsDerivedFromTheVersionTableAndStaysTheSameAcrossVersions() {
        assertEquals(AdvisoryLockKey.of("public", "alembic_version"), KEY);
        assertEquals(KNOWN_KEY, KEY, "changing the derivation would let old and new versions run at once");
        assertTrue(KEY != AdvisoryLockKey.of("other", "alembic_version"));
        assertTrue(KEY != AdvisoryLockKey.of("public", "other_version"));
    }

    /** The first 8 bytes of SHA-256("migrate:public.alembic_version"), computed apart from the code under test. */
    private static final long KNOWN_KEY = -217043766104697569L;
}
