package dev.migrate.engine.postgres;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.mutiny.core.Vertx;

/**
 * The Vert.x instance of the PostgreSQL client, created on the first PostgreSQL session and never
 * before: a SQLite run, an offline run or {@code --help} pays nothing for it (no event-loop thread,
 * no Netty classes). Small on purpose: one event loop for the one session a run has open at a time,
 * and no file cache, which Vert.x would otherwise create under the temporary folder on every run.
 */
public final class LazyVertx implements Supplier<Vertx>, AutoCloseable {
    private Vertx vertx;

    @Override
    public synchronized Vertx get() {
        if (vertx == null) {
            vertx = Vertx.vertx(new VertxOptions()
                    .setEventLoopPoolSize(1)
                    .setWorkerPoolSize(1)
                    .setInternalBlockingPoolSize(1)
                    .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        }
        return vertx;
    }

    /** Whether a session has needed Vert.x so far. */
    public synchronized boolean created() {
        return vertx != null;
    }

    /** Stops the event loop if it was started; waits a bounded time, as nothing is left to run on it. */
    @Override
    public synchronized void close() {
        if (vertx == null) return;
        try {
            vertx.getDelegate().close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing after the run has settled: a slow or failed close loses nothing.
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        } finally {
            vertx = null;
        }
    }
}
