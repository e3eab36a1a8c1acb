package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.core.SqlRange;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.HistoryTable;
import dev.migrate.engine.VersionTable;
import dev.migrate.engine.offline.OfflineMigrator;
import dev.migrate.core.SqlRange;
import dev.migrate.sqlite.SqliteMaster;
import dev.migrate.graph.RevisionMap;
import dev.migrate.revision.ScriptDirectory;
import dev.migrate.sqlite.SchemaObject;
import dev.migrate.sqlite.SqliteSchemaModel;
import dev.migrate.support.Catalogs;
import dev.migrate.support.CliTest;
import dev.migrate.support.ManyOperations;
import dev.migrate.support.ScriptRunner;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class SqliteOfflineScriptTest extends OfflineScriptScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    @Override
    protected void runScript(TestDatabase target, String script) {
        ScriptRunner.sqlite(target, script, tmp);
    }

    @Override
    protected String runFailingScript(TestDatabase target, String script) {
        return ScriptRunner.sqliteFailing(target, script, tmp);
    }

    @Override
    protected List<String> catalog(TestDatabase database) {
        return Catalogs.sqlite(database);
    }

    private OfflineMigrator migrator(ScriptDirectory scripts) {
        return new OfflineMigrator(Flavors.dialect("sqlite"), new VersionTable(null, "alembic_version", Flavors.dialect("sqlite")),
                new HistoryTable(null, "migrate_history", "test", Flavors.dialect("sqlite")), true, scripts::byId, line -> { });
    }

    /** The offline run's schema model, which on SQLite is the flavor's sqlite_master model. */
    private static SqliteSchemaModel model(OfflineMigrator migrator) {
        return (SqliteSchemaModel) migrator.schema();
    }

    /** The schema model the offline run keeps, replayed from base or from the start of a range, is sqlite_master itself. */
    @Test
    void theSchemaModelMatchesTheDatabaseTheOnlineRunBuilt(QuarkusMainLauncher launcher) {
        ManyOperations.write(project);
        ok(project.run(launcher, "upgrade", "head"));
        ScriptDirectory scripts = ScriptDirectory.load(List.of(project.versions()));
        RevisionMap graph = new RevisionMap(scripts.revisions());

        OfflineMigrator fromBase = migrator(scripts);
        fromBase.migrate(List.of(), graph.upgrade(List.of(), "head"));
        assertEquals(SqliteMaster.of(db), SqliteMaster.sorted(model(fromBase).objects()));
        assertTrue(model(fromBase).require("customers", "test").sql().contains("remarks TEXT"));

        OfflineMigrator fromM3 = migrator(scripts);
        fromM3.replay(SqlRange.stepsTo(graph, List.of("m3")));
        fromM3.migrate(List.of("m3"), graph.upgrade(List.of("m3"), "head"));
        assertEquals(SqliteMaster.of(db), SqliteMaster.sorted(model(fromM3).objects()));

        ok(project.run(launcher, "downgrade", "m2"));
        OfflineMigrator down = migrator(scripts);
        down.replay(SqlRange.stepsTo(graph, List.of("m7")));
        down.migrate(List.of("m7"), graph.downgrade(List.of("m7"), "m2"));
        assertEquals(SqliteMaster.of(db), SqliteMaster.sorted(model(down).objects()));
    }
}
