package dev.migrate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.migrate.errors.ConnectionFailed;
import dev.migrate.errors.RunInterrupted;
import dev.migrate.support.PostgresMigrationLock;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import sun.misc.Signal;

class PostgresApiTest extends ApiScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Override
    protected AutoCloseable holdLock() {
        return PostgresMigrationLock.hold(db);
    }

    private boolean lockIsFree() {
        return PostgresMigrationLock.isFree(db);
    }

    @Test
    void aVertxIsCreatedOnTheFirstSessionAndClosedWithTheInstance() {
        threeRevisions();
        Migrate m = Migrate.fromConfig(migrateYaml());
        try {
            assertFalse(m.createdVertx(), "building opens nothing");
            m.upgradeAndAwait("head");
            assertTrue(m.createdVertx());
        } finally {
            m.close();
        }
        assertFalse(m.createdVertx());
        assertThrows(IllegalStateException.class, () -> m.currentAndAwait());
    }

    @Test
    void aVertxGivenByTheCallerIsUsedAndLeftOpen() {
        threeRevisions();
        Vertx vertx = Vertx.vertx();
        try {
            try (Migrate m = Migrate.builder().config(migrateYaml()).vertx(vertx).build()) {
                assertEquals(List.of("c3"), m.upgradeAndAwait("head").current());
                assertFalse(m.createdVertx());
            }
            try (Migrate m = Migrate.builder().config(migrateYaml()).vertx(vertx).build()) {
                assertTrue(m.currentAndAwait().atHead(), "the Vert.x is still open after the first instance closed");
            }
        } finally {
            vertx.closeAndAwait();
        }
    }

    @Test
    void anUnreachableDatabaseIsAConnectionFailureNamingItWithoutThePassword() {
        threeRevisions();
        try (Migrate m = Migrate.builder().config(migrateYaml())
                .url("postgresql://app:Sup3rS3cret@127.0.0.1:1/orders_db").build()) {
            ConnectionFailed e = assertThrows(ConnectionFailed.class, () -> m.upgradeAndAwait("head"));
            assertTrue(e.getMessage().contains("orders_db"), e.getMessage());
            assertFalse(e.getMessage().contains("Sup3rS3cret"), e.getMessage());
            ConnectionFailed viaUni = assertThrows(ConnectionFailed.class, () -> m.current().await().atMost(Duration.ofSeconds(30)));
            assertFalse(viaUni.getMessage().contains("Sup3rS3cret"), viaUni.getMessage());
        }
    }

    private void sleepingSecondRevision() {
        project.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
        project.sql("b2", "a1", "CREATE TABLE orders (id INTEGER PRIMARY KEY);\nSELECT pg_sleep(120);", "DROP TABLE orders;");
    }

    /** Waits until b2 sleeps, stops the run with {@code stop}, and checks it rolled back and released the lock. */
    private void stopWhileSleeping(Migrate m, Runnable stop) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (db.query("SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(120)%'").isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the run never reached the sleep");
            Thread.sleep(50);
        }
        stop.run();
        while (!lockIsFree()) {
            assertTrue(System.nanoTime() < deadline, "the lock was not released");
            Thread.sleep(50);
        }
        assertEquals(Set.of("accounts"), db.tables());
        assertEquals(List.of("a1"), m.currentAndAwait().revisions());
    }

    @Test
    void cancellingTheUniInterruptsTheRunWhichRollsBackAndReleasesTheLock() throws Exception {
        sleepingSecondRevision();
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            Cancellable run = m.upgrade("head").subscribe().with(r -> { }, e -> { });
            stopWhileSleeping(m, run::cancel);
        }
    }

    @Test
    void interruptingTheWaitingThreadInterruptsTheRun() throws Exception {
        interruptTheWaitingThread(false);
    }

    @Test
    void interruptingTheWaitingThreadInterruptsTheRunWhenSignalsAreHandledToo() throws Exception {
        interruptTheWaitingThread(true);
    }

    private void interruptTheWaitingThread(boolean shutdownSignals) throws Exception {
        sleepingSecondRevision();
        try (Migrate m = Migrate.builder().config(migrateYaml()).handleShutdownSignals(shutdownSignals).build()) {
            Waiting waiting = new Waiting(() -> m.upgradeAndAwait("head"));
            stopWhileSleeping(m, waiting.thread::interrupt);
            Throwable e = waiting.outcome.get(30, TimeUnit.SECONDS);
            assertTrue(e instanceof RunInterrupted, String.valueOf(e));
        }
    }

    @Test
    void aSignalInterruptsTheRunWhenSignalsAreHandled() throws Exception {
        sleepingSecondRevision();
        try (Migrate m = Migrate.builder().config(migrateYaml()).handleShutdownSignals(true).build()) {
            Waiting waiting = new Waiting(() -> m.upgradeAndAwait("head"));
            stopWhileSleeping(m, () -> Signal.raise(new Signal("TERM")));
            Throwable e = waiting.outcome.get(30, TimeUnit.SECONDS);
            assertTrue(e instanceof RunInterrupted, String.valueOf(e));
            assertEquals(143, ((RunInterrupted) e).exitCode());
        }
    }

    /** A thread blocked in {@code call}, and what it threw (null: nothing). */
    private static final class Waiting {
        final CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        final Thread thread;

        Waiting(Runnable call) {
            thread = new Thread(() -> {
                try {
                    call.run();
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            thread.start();
        }
    }

    /** Waits in {@code read} on a server that never answers, interrupts the waiting thread, and gives what it threw. */
    private Throwable interruptedRead(Consumer<Migrate> read) throws Exception {
        try (Migrate m = Migrate.builder().config(migrateYaml()).url("postgresql://app@127.0.0.1:1/orders_db")
                .connectWait(Duration.ofMinutes(5)).build()) {
            Waiting waiting = new Waiting(() -> read.accept(m));
            Thread.sleep(500);
            waiting.thread.interrupt();
            return waiting.outcome.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void interruptingAWaitingReadCancelsItWithRunInterrupted() throws Exception {
        threeRevisions();
        Files.writeString(project.dir().resolve("migrations/schema.yaml"), "");
        Throwable current = interruptedRead(Migrate::currentAndAwait);
        assertTrue(current instanceof RunInterrupted, String.valueOf(current));
        assertTrue(current.getMessage().contains("nothing was changed"), current.getMessage());
        Throwable check = interruptedRead(Migrate::checkAndAwait);
        assertTrue(check instanceof RunInterrupted, String.valueOf(check));
    }
}
