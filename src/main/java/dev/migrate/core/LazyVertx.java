package dev.migrate.core;

import java.util.function.Supplier;

import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * A Vert.x of our own, created on the first PostgreSQL session that asks for it and closed with
 * {@link #close()}: the command line's (see cli/VertxHolder), and the Java API's for a caller that
 * has none to share (a plain {@code main}, a Spring application). A SQLite run, an offline run or
 * {@code --help} never creates one: no event-loop thread, no Netty classes. Small: one event loop
 * for the one session a run uses at a time, and no file cache under the temporary folder.
 */
public final class LazyVertx implements Supplier<Vertx>, AutoCloseable {
    private Vertx vertx;
    private boolean closed;

    @Override
    public synchronized Vertx get() {
        if (closed) throw new IllegalStateException("closed: this Vert.x was closed with the migrate instance that owned it");
        if (vertx == null) {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1)
                    .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        }
        return vertx;
    }

    /** Whether a PostgreSQL session has asked for it (and it is not closed yet). */
    public synchronized boolean created() {
        return vertx != null;
    }

    /**
     * Closes it if it was created, and waits for its threads to stop; later calls do nothing.
     * Called on a Vert.x thread (a callback of a session on it), it closes it without waiting:
     * waiting there would block the very thread the close needs, for ever.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (vertx == null) return;
        Vertx v = vertx;
        vertx = null;
        if (Context.isOnVertxThread()) {
            v.close().subscribe().with(done -> { }, failure -> { });
        } else {
            v.closeAndAwait();
        }
    }
}
