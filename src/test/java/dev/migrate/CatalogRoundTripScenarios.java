package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.support.EngineTestBase;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * A revision history that uses every operation the engine can run (src/test/resources/every-operation),
 * with rows in its tables, upgraded to head, downgraded to base and upgraded again: the second
 * catalog equals the first, and base leaves nothing but the tool's own tables. The catalogs are
 * read from the database (pg_catalog / sqlite_master and PRAGMAs), never from the log.
 */
public abstract class CatalogRoundTripScenarios extends EngineTestBase {
    private static final Path HISTORY = Path.of("src/test/resources/every-operation").toAbsolutePath();

    @Override
    protected String extraConfig() {
        return "version_locations: [\"" + HISTORY + "\"]\n";
    }

    /**
     * The engine's catalog, normalised into named sections of rows, without the version and
     * history tables: tables, columns with types, defaults and nullability, constraints with their
     * definitions, indexes, enums with their values in order, views, extensions and comments.
     */
    protected abstract Map<String, List<List<String>>> catalog();

    @Test
    void upgradeDowngradeUpgradeGivesTheSameCatalog(QuarkusMainLauncher launcher) {
        Map<String, List<List<String>>> empty = catalog();
        ok(project.run(launcher, "upgrade", "head"));
        Map<String, List<List<String>>> first = catalog();
        assertTrue(first.values().stream().mapToInt(List::size).sum() > 20, first::toString);

        ok(project.run(launcher, "downgrade", "base"));
        assertEquals(empty, catalog(), "base leaves only the version and history tables");
        assertEquals(List.of(), db.query("SELECT version_num FROM alembic_version"));

        ok(project.run(launcher, "upgrade", "head"));
        Map<String, List<List<String>>> second = catalog();
        for (String section : first.keySet()) assertEquals(first.get(section), second.get(section), section);
        assertEquals(first, second);
    }

    @Test
    void theRowsWrittenEarlySurviveEveryLaterChange(QuarkusMainLauncher launcher) {
        ok(project.run(launcher, "upgrade", "head"));
        assertEquals(List.of(List.of("1", "ada@example.com", "active", "4", "ada"), List.of("2", "bob@example.com", "pending",
                "1", "bob")), db.query("SELECT id, email, status, score, nickname FROM members ORDER BY id"));
        assertEquals(List.of(List.of("urgent", "1")), db.query("SELECT label, team_id FROM labels"));
        assertEquals(36, db.query("SELECT code FROM members WHERE id = 1").get(0).get(0).length());
        ok(project.run(launcher, "downgrade", "e02"));
        assertEquals(List.of(List.of("1", "ada@example.com", "active", "4", "ada"), List.of("2", "bob@example.com", "invited",
                "1", "bob")), db.query("SELECT id, email, status, score, nickname FROM members ORDER BY id"));
        assertEquals(List.of(List.of("urgent", "1")), db.query("SELECT name, team_id FROM tags"));
    }
}
