package dev.migrate.support;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.engine.Database;
import io.smallrye.mutiny.Uni;

/** A real database session that also records every query sent through it, for tests that count round trips. */
public final class CountingDatabase implements Database {
    private final Database delegate;
    private final List<String> queries = new ArrayList<>();

    public CountingDatabase(Database delegate) {
        this.delegate = delegate;
    }

    /** Every query and statement sent so far, in order. */
    public List<String> sent() {
        return List.copyOf(queries);
    }

    @Override
    public String dialectName() {
        return delegate.dialectName();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public int serverMajorVersion() {
        return delegate.serverMajorVersion();
    }

    @Override
    public boolean pipelines() {
        return delegate.pipelines();
    }

    /** Records each statement, and sends them as the real session does (in one round trip on PostgreSQL). */
    @Override
    public Uni<List<Integer>> pipeline(List<String> statements) {
        queries.addAll(statements);
        return delegate.pipeline(statements);
    }

    @Override
    public Uni<Integer> execute(String sql) {
        queries.add(sql);
        return delegate.execute(sql);
    }

    @Override
    public Uni<List<List<String>>> query(String sql) {
        queries.add(sql);
        return delegate.query(sql);
    }

    @Override
    public Uni<Boolean> tableExists(String schema, String table) {
        queries.add("tableExists " + table);
        return delegate.tableExists(schema, table);
    }

    @Override
    public Uni<Void> close() {
        return delegate.close();
    }
}
