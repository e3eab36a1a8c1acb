package dev.migrate.sqlite;

import dev.migrate.dialect.BookkeepingSql;

/** The version and history tables on SQLite: timestamps kept as ISO text, no roles, a missing table is a plain answer. */
final class SqliteBookkeeping implements BookkeepingSql {
    @Override
    public String historyIdColumn() {
        return "id INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public String timestampType() {
        return "DATETIME";
    }

    @Override
    public String bigintType() {
        return "INTEGER";
    }

    @Override
    public String timestamp(String literal) {
        return literal;
    }

    @Override
    public String timestampText(String column) {
        return column;
    }

    @Override
    public String now() {
        return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    }

    /** A SQLite session runs one statement at a time, so the runner times each history row as it sends it. */
    @Override
    public String markStepStart() {
        return null;
    }

    @Override
    public String stepStarted() {
        return null;
    }

    @Override
    public String runBy(String osUser) {
        return osUser;
    }

    @Override
    public String versionHeadsSql(String tableLiteral, String plainSelect) {
        return plainSelect;
    }

    @Override
    public boolean logsMissingTable() {
        return false;
    }
}
