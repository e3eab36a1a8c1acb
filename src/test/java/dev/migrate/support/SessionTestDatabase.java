package dev.migrate.support;

import java.util.List;

import dev.migrate.engine.Database;

/** What every test database does the same way: one lazily opened session for the test's own queries. */
abstract class SessionTestDatabase implements TestDatabase {
    private Database session;

    private Database session() {
        if (session == null) session = open();
        return session;
    }

    @Override
    public List<List<String>> query(String sql) {
        return session().query(sql).await().indefinitely();
    }

    @Override
    public void execute(String sql) {
        session().execute(sql).await().indefinitely();
    }

    /** Closes the test's session, before the database itself is dropped or deleted. */
    protected void closeSession() {
        if (session != null) session.close().await().indefinitely();
        session = null;
    }
}
