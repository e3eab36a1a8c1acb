package dev.migrate;

import java.util.List;

import dev.migrate.support.Catalogs;
import dev.migrate.support.ScriptRunner;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
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
    protected List<String> catalog(TestDatabase database) {
        return Catalogs.sqlite(database);
    }
}
