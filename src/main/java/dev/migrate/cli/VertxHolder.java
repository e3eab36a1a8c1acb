package dev.migrate.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.vertx.mutiny.core.Vertx;

/**
 * Hands out Quarkus' Vert.x only when a PostgreSQL session asks for it: SQLite and offline runs never
 * use it. (Quarkus' Vert.x extension creates the instance at start-up anyway; application.properties
 * keeps it to one event loop and no file cache.) The Java API, outside Quarkus, uses
 * {@link dev.migrate.engine.postgres.LazyVertx} instead; giving the Workspace one of those (closed
 * when the command ends) would let the command line do without Quarkus' Vert.x too.
 */
@ApplicationScoped
public class VertxHolder {
    @Inject
    Instance<Vertx> vertx;

    public Vertx get() {
        return vertx.get();
    }
}
