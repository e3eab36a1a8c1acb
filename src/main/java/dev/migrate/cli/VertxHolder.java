package dev.migrate.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.vertx.mutiny.core.Vertx;

/**
 * Hands out Quarkus' Vert.x only when a PostgreSQL session asks for it: SQLite and offline runs never
 * use it. (Quarkus' Vert.x extension creates the instance at start-up anyway; application.properties
 * keeps it to one event loop and no file cache.)
 */
@ApplicationScoped
public class VertxHolder {
    @Inject
    Instance<Vertx> vertx;

    public Vertx get() {
        return vertx.get();
    }
}
