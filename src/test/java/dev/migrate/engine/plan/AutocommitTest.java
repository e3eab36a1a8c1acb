package dev.migrate.engine.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migrate.sql.Statement;

class AutocommitTest {
    private static boolean alone(String sql, String dialect, int version) {
        return Autocommit.required(new Statement(sql, 1), dialect, version);
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
        assertTrue(Autocommit.required(new Statement("CREATE INDEX CONCURRENTLY i ON t (x)", 1, true), "postgresql", 15));
        assertTrue(Autocommit.required(new Statement("VACUUM", 1, true), "sqlite", 0));
    }
}
