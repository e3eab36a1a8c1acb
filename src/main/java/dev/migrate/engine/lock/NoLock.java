package dev.migrate.engine.lock;

import io.smallrye.mutiny.Uni;

/** An in-memory SQLite database lives in one connection of one process: nobody else can reach it to race. */
public final class NoLock implements MigrationLock {
    @Override
    public Uni<Boolean> tryAcquire() {
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<String> holder() {
        return Uni.createFrom().nullItem();
    }

    @Override
    public String describe() {
        return "no lock (in-memory database)";
    }

    @Override
    public Uni<Void> cancelWork() {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> release() {
        return Uni.createFrom().voidItem();
    }
}
