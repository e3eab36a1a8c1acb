package dev.migrate.process;

import dev.migrate.support.PackagedApp.Running;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;

class PostgresProcessIT extends ProcessScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Override
    protected String longStatement() {
        return "SELECT pg_sleep(${x.pause})";
    }

    /**
     * A killed client's backend keeps sleeping, holding the transaction and the advisory lock, until
     * it next tries to answer: keep that short so the next run's wait for the lock stays short.
     */
    @Override
    protected int killPause() {
        return 5;
    }

    @Override
    protected void awaitInsideLongRevision(Running run) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (db.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                + " AND query LIKE 'SELECT pg_sleep%'").isEmpty()) {
            if (!run.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the run never reached the pause of b2\n" + run.describe());
            }
            Thread.sleep(20);
        }
    }
}
