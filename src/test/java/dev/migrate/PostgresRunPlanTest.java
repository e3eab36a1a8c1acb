package dev.migrate;

import java.util.List;

import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;

class PostgresRunPlanTest extends RunPlanScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Override
    protected String statementThatRunsAlone() {
        return "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_accounts_id ON accounts (id)";
    }

    @Override
    protected String undoStatementThatRunsAlone() {
        return "DROP INDEX CONCURRENTLY IF EXISTS ix_accounts_id";
    }

    @Override
    protected List<String> sessionSetUp() {
        return List.of();
    }
}
