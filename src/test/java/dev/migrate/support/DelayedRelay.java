package dev.migrate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP port on 127.0.0.1 in front of the test PostgreSQL server, for a database that is "starting
 * up": it refuses connections until {@code delayMillis} have passed, then closes the first
 * {@code dropFirst} connections at once (as a container's port proxy does while the database
 * behind it is not listening yet), then forwards every connection.
 */
public final class DelayedRelay implements AutoCloseable {
    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final Thread starter;
    private volatile ServerSocket server;
    private volatile boolean closed;

    public DelayedRelay(String targetHost, int targetPort, long delayMillis) {
        this(targetHost, targetPort, delayMillis, 0);
    }

    public DelayedRelay(String targetHost, int targetPort, long delayMillis, int dropFirst) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starter = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
                server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
                for (int dropped = 0; dropped < dropFirst && !closed; dropped++) server.accept().close();
                while (!closed) relay(server.accept());
            } catch (IOException | InterruptedException ignored) {
                // Closing the relay ends the accept loop.
            }
        }, "delayed-relay");
        starter.setDaemon(true);
        starter.start();
    }

    /** A port nothing listens on yet. */
    public int port() {
        return port;
    }

    private void relay(Socket client) throws IOException {
        Socket upstream = new Socket(targetHost, targetPort);
        pipe(client, upstream);
        pipe(upstream, client);
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // Either side closing ends the relay of this connection.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        }, "relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closed = true;
        starter.interrupt();
        try {
            if (server != null) server.close();
        } catch (IOException ignored) {
            // Nothing to release.
        }
    }
}
