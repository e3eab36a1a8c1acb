package dev.migrate.engine.interrupt;

import java.util.List;
import java.util.function.Supplier;

import dev.migrate.engine.Database;
import io.smallrye.mutiny.Uni;
import dev.migrate.errors.RunInterrupted;

/**
 * The working session as the runner sees it during a locked run: once an interruption is
 * requested, every statement fails with {@link RunInterrupted} before reaching the database,
 * except {@code ROLLBACK}, so the runner's own failure path undoes the open transaction.
 */
public final class InterruptibleDatabase implements Database {
    private final Database db;
    private final Interruption interruption;

    public InterruptibleDatabase(Database db, Interruption interruption) {
        this.db = db;
        this.interruption = interruption;
    }

    private <T> Uni<T> unlessInterrupted(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> interruption.requested()
                ? Uni.createFrom().failure(new RunInterrupted("interrupted"))
                : call.get());
    }

    @Override
    public String dialectName() {
        return db.dialectName();
    }

    @Override
    public String describe() {
        return db.describe();
    }

    @Override
    public int serverMajorVersion() {
        return db.serverMajorVersion();
    }

    @Override
    public Uni<Integer> execute(String sql) {
        if (sql.strip().equalsIgnoreCase("ROLLBACK")) return db.execute(sql);
        return unlessInterrupted(() -> db.execute(sql));
    }

    @Override
    public boolean pipelines() {
        return db.pipelines();
    }

    @Override
    public Uni<List<Integer>> pipeline(List<String> statements) {
        return unlessInterrupted(() -> db.pipeline(statements));
    }

    @Override
    public Uni<List<List<String>>> query(String sql) {
        return unlessInterrupted(() -> db.query(sql));
    }

    @Override
    public Uni<Boolean> tableExists(String schema, String table) {
        return unlessInterrupted(() -> db.tableExists(schema, table));
    }

    @Override
    public Uni<Void> close() {
        return db.close();
    }
}
