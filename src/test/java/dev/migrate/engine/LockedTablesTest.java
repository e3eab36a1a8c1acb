package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which tables a timed-out statement's report looks up, and the limits as PostgreSQL reads them. */
class LockedTablesTest {
    @Test
    void theTablesAStatementLocksAsWritten() {
        assertEquals(List.of("accounts"), LockedTables.of("ALTER TABLE accounts ADD COLUMN email VARCHAR(200)"));
        assertEquals(List.of("app.\"Orders\"", "users"), LockedTables.of("ALTER TABLE IF EXISTS ONLY app.\"Orders\" ADD CONSTRAINT"
                + " fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID"));
        assertEquals(List.of("accounts"), LockedTables.of("CREATE UNIQUE INDEX ix ON accounts (lower(email))"));
        assertEquals(List.of("t", "s"), LockedTables.of("-- from nowhere\nUPDATE t SET a = s.a FROM s WHERE t.id = s.id"));
        assertEquals(List.of("a"), LockedTables.of("LOCK TABLE a IN ACCESS EXCLUSIVE MODE"));
        assertEquals(List.of(), LockedTables.of("SELECT pg_sleep(1)"));
    }

    @Test
    void limitsAreWrittenInUnitsPostgresqlReads() {
        assertEquals("5s", TimeoutSettings.value(Duration.ofSeconds(5)));
        assertEquals("120s", TimeoutSettings.value(Duration.ofMinutes(2)));
        assertEquals("250ms", TimeoutSettings.value(Duration.ofMillis(250)));
        assertEquals("1ms", TimeoutSettings.value(Duration.ofNanos(10)));
    }
}
