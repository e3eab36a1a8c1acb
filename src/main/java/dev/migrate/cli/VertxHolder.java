package dev.migrate.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.vertx.mutiny.core.Vertx;

/** Hands out Quarkus' Vert.x only when a PostgreSQL session asks for it: SQLite and offline runs never touch it. */
@ApplicationScoped
public class VertxHolder {
    @Inject
    Instance<Vertx> vertx;

    public Vertx get() {
        return vertx.get();
    }
}
