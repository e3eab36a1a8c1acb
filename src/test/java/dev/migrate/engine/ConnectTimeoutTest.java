package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.errors.ConnectionFailed;
import io.vertx.mutiny.core.Vertx;

/**
 * {@code connect.timeout} limits one connection attempt (README, "Running against a database"):
 * against a server that accepts the TCP connection and then never answers, as a host whose
 * PostgreSQL is stuck does, the attempt fails once the limit is up, and with {@code connect.wait}
 * it is retried until the wait is over.
 */
class ConnectTimeoutTest {
    private static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void stopVertx() {
        VERTX.closeAndAwait();
    }

    /** Accepts every connection, reads nothing and writes nothing; counts the attempts. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final AtomicInteger attempts = new AtomicInteger();

        SilentServer() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                        attempts.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int attempts() {
            return attempts.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : accepted) s.close();
        }
    }

    private static String url(SilentServer server, String query) {
        return "postgresql://postgres@127.0.0.1:" + server.port() + "/app" + query;
    }

    /** Opens {@code url} as the commands do; the await's own limit only keeps a broken timeout from hanging the build. */
    private static ConnectionFailed failure(String url, Duration wait, Duration timeout, List<String> log) {
        return assertThrows(ConnectionFailed.class, () -> Flavors.open(Flavors.parse(url, System.getenv(), Path.of("")),
                () -> VERTX, wait, timeout, log::add).await().atMost(Duration.ofSeconds(60)));
    }

    @Test
    void anAttemptTheServerNeverAnswersFailsWhenConnectTimeoutIsUp() throws IOException {
        try (SilentServer server = new SilentServer()) {
            String url = url(server, "");
            List<String> log = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            ConnectionFailed e = failure(url, Duration.ZERO, Duration.ofSeconds(1), log);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals("cannot connect to " + url + " (host 127.0.0.1, port " + server.port() + ", database app):"
                    + " no answer within 1s (connect.timeout)", e.getMessage());
            assertTrue(took.compareTo(Duration.ofMillis(900)) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0,
                    "one attempt of 1s took " + took.toMillis() + "ms");
            assertEquals(1, server.attempts());
            assertEquals(List.of(), log, "no wait, no retry");
        }
    }

    @Test
    void theUrlsConnectTimeoutLimitsTheAttemptToo() throws IOException {
        try (SilentServer server = new SilentServer()) {
            String url = url(server, "?connect_timeout=1");
            long start = System.nanoTime();
            ConnectionFailed e = failure(url, Duration.ZERO, Duration.ofSeconds(30), new CopyOnWriteArrayList<>());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(e.getMessage().endsWith(": no answer within 1s (connect.timeout)"), e.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "connect_timeout=1 took " + took.toMillis() + "ms");
        }
    }

    @Test
    void withWaitTheAttemptsThatTimeOutAreRetriedUntilTheWaitIsOver() throws IOException {
        try (SilentServer server = new SilentServer()) {
            String url = url(server, "");
            List<String> log = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            ConnectionFailed e = failure(url, Duration.ofSeconds(3), Duration.ofMillis(500), log);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(e.getMessage().endsWith(": no answer within 500ms (connect.timeout) (still failing after waiting 3s)"),
                    e.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(3)) >= 0 && took.compareTo(Duration.ofSeconds(12)) < 0,
                    "a wait of 3s took " + took.toMillis() + "ms");
            assertTrue(server.attempts() >= 2, "attempts: " + server.attempts());
            assertEquals(server.attempts() - 1, log.size(), "one line per retry: " + log);
            for (String line : log) assertEquals("waiting for " + url + ": no answer within 500ms (connect.timeout)", line);
        }
    }
}
