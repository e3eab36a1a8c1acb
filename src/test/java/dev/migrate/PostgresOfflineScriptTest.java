package dev.migrate;

import java.util.List;

import dev.migrate.support.Catalogs;
import dev.migrate.support.CliTest;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.ScriptRunner;
import dev.migrate.support.TestDatabase;

@CliTest
class PostgresOfflineScriptTest extends OfflineScriptScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Override
    protected void runScript(TestDatabase target, String script) {
        ScriptRunner.postgres(target, script, tmp);
    }

    @Override
    protected String runFailingScript(TestDatabase target, String script) {
        return ScriptRunner.postgresFailing(target, script, tmp);
    }

    @Override
    protected List<String> catalog(TestDatabase database) {
        return Catalogs.postgres(database);
    }
}
