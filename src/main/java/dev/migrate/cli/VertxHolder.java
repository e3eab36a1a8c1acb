package dev.migrate.cli;

import dev.migrate.core.LazyVertx;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The command line's Vert.x: created by the first PostgreSQL session of the run (SQLite, offline
 * and file-only commands never start it) and stopped when the application shuts down (or by
 * whoever made it, for a run without CDI).
 */
@ApplicationScoped
public class VertxHolder implements AutoCloseable {
    private final LazyVertx vertx = new LazyVertx();

    public Vertx get() {
        return vertx.get();
    }

    @PreDestroy
    @Override
    public void close() {
        vertx.close();
    }
}
