package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migrate.dialect.Dialect;
import dev.migrate.sql.Statement;
import dev.migrate.sqlite.SqliteDialect;

class AutocommitTest {
    private static boolean alone(String sql, String dialect, int version) {
        Dialect d = dialect.equals("postgresql") ? PostgresDialect.INSTANCE : SqliteDialect.INSTANCE;
        return d.runsAlone(new Statement(sql, 1), version);
    }

    @Test
    void addingAnEnumValueRunsAloneBeforePostgres12Only() {
        String add = "ALTER TYPE mood ADD VALUE 'meh'";
        assertTrue(alone(add, "postgresql", 11));
        assertTrue(alone(add, "postgresql", 9));
        assertFalse(alone(add, "postgresql", 12));
        assertFalse(alone(add, "postgresql", 15));
        assertFalse(alone(add, "postgresql", 0), "an unknown version is taken as a current server");
        assertFalse(alone(add, "sqlite", 11));
    }

    @Test
    void recognisesEveryWayOfWritingIt() {
        assertTrue(alone("alter type \"My Mood\" add value if not exists 'x' before 'y'", "postgresql", 11));
        assertTrue(alone("-- note\nALTER TYPE app.mood ADD VALUE 'x'", "postgresql", 10));
        assertFalse(alone("ALTER TYPE mood RENAME VALUE 'a' TO 'b'", "postgresql", 11));
        assertFalse(alone("ALTER TYPE point3 ADD ATTRIBUTE z int", "postgresql", 11));
        assertFalse(alone("ALTER TABLE t ADD VALUE int", "postgresql", 11));
    }

    @Test
    void statementsMarkedToRunAloneAlwaysDo() {
        assertTrue(PostgresDialect.INSTANCE.runsAlone(new Statement("CREATE INDEX CONCURRENTLY i ON t (x)", 1, true), 15));
        assertTrue(SqliteDialect.INSTANCE.runsAlone(new Statement("VACUUM", 1, true), 0));
    }
}
