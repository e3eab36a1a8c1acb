package dev.migrate.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import dev.migrate.support.PackagedApp.Running;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

class SqliteProcessIT extends ProcessScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    /** About three million rows a second: counting them keeps SQLite busy inside the transaction. */
    @Override
    protected String longStatement() {
        return "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
                + " WHERE x < ${x.pause} * 3000000) SELECT x FROM c)";
    }

    /**
     * Once a1's line is out, a1 has committed; b2's first CREATE TABLE then takes SQLite's write
     * lock, so a writer that cannot get it without waiting means the run is inside b2.
     */
    @Override
    protected void awaitInsideLongRevision(Running run) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Properties props = new Properties();
        props.setProperty("busy_timeout", "0");
        String file = db.url().substring("sqlite:///".length());
        while (true) {
            if (!run.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the run never reached the pause of b2\n" + run.describe());
            }
            if (run.err().contains("-> a1") && writeLocked(file, props)) return;
            Thread.sleep(20);
        }
    }

    static boolean writeLocked(String file, Properties props) throws SQLException {
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, props); Statement st = c.createStatement()) {
            try {
                st.execute("BEGIN IMMEDIATE");
            } catch (SQLException busy) {
                return true;
            }
            st.execute("ROLLBACK");
            return false;
        }
    }
}
