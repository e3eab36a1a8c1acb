package dev.migrate;

import java.util.List;

import dev.migrate.support.CliTest;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

@CliTest
class SqliteTransactionTest extends TransactionScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    @Override
    protected String statementThatRunsAlone() {
        return "VACUUM";
    }

    @Override
    protected String undoStatementThatRunsAlone() {
        return "VACUUM";
    }

    @Override
    protected List<String> sessionSetUp() {
        return List.of("PRAGMA foreign_keys = ON");
    }
}
