package dev.migrate.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The Vert.x of our own: closed from a thread of its own, it closes without waiting on itself. */
class LazyVertxTest {
    @Test
    void closedFromItsOwnEventLoopItClosesInsteadOfHanging() throws Exception {
        LazyVertx lazy = new LazyVertx();
        CompletableFuture<Thread> closedOn = new CompletableFuture<>();
        lazy.get().getOrCreateContext().runOnContext(() -> {
            try {
                lazy.close();
                closedOn.complete(Thread.currentThread());
            } catch (Throwable e) {
                closedOn.completeExceptionally(e);
            }
        });
        Thread eventLoop = closedOn.get(10, TimeUnit.SECONDS);
        eventLoop.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(eventLoop.isAlive(), "the event loop kept running after the close");
        assertFalse(lazy.created());
        assertThrows(IllegalStateException.class, lazy::get);
    }

    @Test
    void closedFromAnyOtherThreadItWaitsForItsThreads() throws Exception {
        LazyVertx lazy = new LazyVertx();
        CompletableFuture<Thread> eventLoop = new CompletableFuture<>();
        lazy.get().getOrCreateContext().runOnContext(() -> eventLoop.complete(Thread.currentThread()));
        Thread thread = eventLoop.get(10, TimeUnit.SECONDS);
        lazy.close();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(thread.isAlive());
        lazy.close();
    }
}
