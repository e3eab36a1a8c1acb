package dev.migrate.support;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP port on 127.0.0.1 in front of the test PostgreSQL server that reads what clients send,
 * message by message (the frontend protocol), and notes every query: a simple query ('Q') by its
 * text, an extended-protocol query by the text of its Parse ('P') once it is executed ('E').
 * Startup and authentication are not queries. For tests that count what a command costs.
 *
 * <p>Given a delay, it holds every answer of the server that long, as a distant server would, and
 * tells how many requests (simple queries and Syncs) a client sent while an earlier one was still
 * unanswered: a client that waits for each answer sends none that way, a pipelining one most.
 * Only for {@code sslmode=disable}, where the server's answers are messages from the first byte.
 */
public final class CountingRelay implements AutoCloseable {
    /** StartupMessage's protocol version 3.0; SSLRequest and GSSENCRequest use other codes and get an answer first. */
    private static final int PROTOCOL_3 = 196608;

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final long answerDelayMillis;
    private final AtomicInteger sentAhead = new AtomicInteger();

    /** One client's requests and the answers it got so far. */
    private static final class Exchange {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
    }

    public CountingRelay(String targetHost, int targetPort) {
        this(targetHost, targetPort, 0);
    }

    /** {@code answerDelayMillis}: how long each answer of the server is held before the client gets it. */
    public CountingRelay(String targetHost, int targetPort, long answerDelayMillis) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.answerDelayMillis = answerDelayMillis;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            try {
                while (!server.isClosed()) relay(server.accept());
            } catch (IOException ignored) {
                // Closing the relay ends the accept loop.
            }
        }, "counting-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * TCP connections accepted so far. With {@code sslmode=prefer} and a server without TLS, the
     * reactive client makes two per session: the first ends when the server declines TLS.
     */
    public int connections() {
        return connections.get();
    }

    /** Sessions started so far (StartupMessages). */
    public int sessions() {
        return sessions.get();
    }

    /** Every query of every connection, in the order sent. */
    public List<String> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }

    /** Requests (simple queries, Syncs) sent while an earlier request of the same client was unanswered. */
    public int sentAhead() {
        return sentAhead.get();
    }

    /** Waits until every connection accepted so far was closed by its client, so that all it sent is counted. */
    public void awaitClientsGone(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (ended.get() < connections.get() && System.nanoTime() < deadline) Thread.sleep(10);
    }

    private void relay(Socket client) throws IOException {
        connections.incrementAndGet();
        Socket upstream = new Socket(targetHost, targetPort);
        Exchange exchange = new Exchange();
        start("relay-down", () -> {
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                answers(in, out, exchange);
            }
        }, client, upstream);
        start("relay-up", () -> {
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                count(new DataInputStream(in), out, exchange);
            } finally {
                ended.incrementAndGet();
            }
        }, client, upstream);
    }

    private interface Pipe {
        void run() throws IOException;
    }

    private static void start(String name, Pipe pipe, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            try {
                pipe.run();
            } catch (IOException ignored) {
                // Either side closing ends the relay of this connection.
            } finally {
                try {
                    a.close();
                    b.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Forwards the server's bytes as they come, each read held for the delay, counting ReadyForQuery messages. */
    private void answers(InputStream in, OutputStream out, Exchange exchange) throws IOException {
        byte[] buffer = new byte[65536];
        byte[] header = new byte[5];
        int headerFill = 0;
        long bodyLeft = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (answerDelayMillis > 0) {
                try {
                    Thread.sleep(answerDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            // Counted before the client can see them: a client that waits for an answer never looks ahead.
            for (int i = 0; i < n; ) {
                if (bodyLeft > 0) {
                    long skip = Math.min(bodyLeft, n - i);
                    bodyLeft -= skip;
                    i += (int) skip;
                    continue;
                }
                header[headerFill++] = buffer[i++];
                if (headerFill == 5) {
                    if (header[0] == 'Z') exchange.answered.incrementAndGet();
                    bodyLeft = ((header[1] & 0xffL) << 24 | (header[2] & 0xff) << 16 | (header[3] & 0xff) << 8 | (header[4] & 0xff)) - 4;
                    headerFill = 0;
                }
            }
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    /** Forwards the client's messages one by one, noting the queries among them. */
    private void count(DataInputStream in, OutputStream out, Exchange exchange) throws IOException {
        // Untyped messages until the StartupMessage: an SSLRequest is answered by one byte, then startup follows.
        while (true) {
            int length = in.readInt();
            byte[] body = in.readNBytes(length - 4);
            forward(out, null, length, body);
            if (body.length >= 4 && ((body[0] & 0xff) << 24 | (body[1] & 0xff) << 16 | (body[2] & 0xff) << 8 | (body[3] & 0xff)) == PROTOCOL_3) break;
        }
        sessions.incrementAndGet();
        // The server answers the startup with a ReadyForQuery too.
        exchange.requests.incrementAndGet();
        String parsed = null;
        try {
            while (true) {
                int type = in.readUnsignedByte();
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (type == 'Q' || type == 'S') {
                    if (exchange.requests.get() > exchange.answered.get()) sentAhead.incrementAndGet();
                    exchange.requests.incrementAndGet();
                }
                forward(out, (byte) type, length, body);
                switch (type) {
                    case 'Q' -> queries.add(cString(body, 0));
                    case 'P' -> parsed = cString(body, body.length == 0 ? 0 : indexAfterCString(body, 0));
                    case 'E' -> queries.add(parsed == null ? "(execute)" : parsed);
                    default -> { }
                }
            }
        } catch (EOFException end) {
            out.flush();
        }
    }

    private static void forward(OutputStream out, Byte type, int length, byte[] body) throws IOException {
        if (type != null) out.write(type);
        out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        out.write(body);
        out.flush();
    }

    private static int indexAfterCString(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != 0) i++;
        return i + 1;
    }

    private static String cString(byte[] b, int from) {
        int end = indexAfterCString(b, from) - 1;
        return new String(b, from, Math.max(0, end - from), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Nothing to release.
        }
    }
}
