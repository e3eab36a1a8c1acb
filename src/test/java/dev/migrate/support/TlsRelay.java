package dev.migrate.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocket;

/**
 * A PostgreSQL server that speaks TLS, made of the test server and this relay in front of it:
 * it answers the client's SSLRequest with 'S', completes the TLS handshake with the test's own
 * certificate, and forwards the decrypted protocol to the real server over plain TCP. A client
 * that does not ask for TLS is refused the way a {@code hostssl}-only server refuses it (FATAL,
 * SQLSTATE 28000, "no encryption"), unless the relay lets plain connections through.
 *
 * <p>Why a relay rather than turning {@code ssl = on} in the test server: that needs a superuser,
 * a key file the server's operating-system user owns, and a server-wide setting that
 * {@code ALTER SYSTEM} persists; a test that dies before restoring it leaves a server that refuses
 * to start once its key file is gone, under every other test sharing it. The relay needs nothing
 * of the server, works against {@code MIGRATE_TEST_PG_URL} elsewhere, and can play a server that
 * requires TLS without editing pg_hba.conf.
 */
public final class TlsRelay implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final TestCertificates.Certificate certificate;
    private final boolean plainAllowed;
    private final AtomicInteger tlsSessions = new AtomicInteger();
    private final AtomicInteger plainSessions = new AtomicInteger();
    private volatile boolean closed;

    /** {@code plainAllowed} false: a client that does not ask for TLS is refused, as by a {@code hostssl} line. */
    public TlsRelay(String targetHost, int targetPort, TestCertificates.Certificate certificate, boolean plainAllowed) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.certificate = certificate;
        this.plainAllowed = plainAllowed;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!closed) {
                try {
                    Socket client = server.accept();
                    Thread t = new Thread(() -> serve(client), "tls-relay-session");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    // Closing the relay ends the accept loop.
                }
            }
        }, "tls-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Sessions that completed a TLS handshake. */
    public int tlsSessions() {
        return tlsSessions.get();
    }

    /** Sessions that began without asking for TLS. */
    public int plainSessions() {
        return plainSessions.get();
    }

    private void serve(Socket client) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            int length = in.readInt();
            int code = in.readInt();
            if (length == 8 && code == GSSENC_REQUEST) {
                client.getOutputStream().write('N');
                length = in.readInt();
                code = in.readInt();
            }
            if (length == 8 && code == SSL_REQUEST) {
                client.getOutputStream().write('S');
                client.getOutputStream().flush();
                SSLSocket tls = (SSLSocket) certificate.serverContext().getSocketFactory().createSocket(client, null, true);
                tls.setUseClientMode(false);
                tls.startHandshake();
                tlsSessions.incrementAndGet();
                forward(tls, null);
                return;
            }
            plainSessions.incrementAndGet();
            byte[] rest = in.readNBytes(length - 8);
            if (!plainAllowed) {
                refuse(client, startupParameters(rest));
                return;
            }
            ByteBuffer first = ByteBuffer.allocate(length).putInt(length).putInt(code).put(rest);
            forward(client, first.array());
        } catch (IOException e) {
            // A client that gives up during the handshake (it did not trust the certificate) ends its session.
            close(client);
        }
    }

    private static Map<String, String> startupParameters(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = new String(body, StandardCharsets.UTF_8).split("\0");
        for (int i = 0; i + 1 < parts.length; i += 2) out.put(parts[i], parts[i + 1]);
        return out;
    }

    /** The ErrorResponse PostgreSQL sends a client that matches no pg_hba.conf line because it did not use TLS. */
    private static void refuse(Socket client, Map<String, String> params) throws IOException {
        String message = "no pg_hba.conf entry for host \"127.0.0.1\", user \"" + params.get("user") + "\", database \""
                + params.get("database") + "\", no encryption";
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        for (String[] f : new String[][] {{"S", "FATAL"}, {"V", "FATAL"}, {"C", "28000"}, {"M", message}}) {
            fields.write(f[0].getBytes(StandardCharsets.UTF_8));
            fields.write(f[1].getBytes(StandardCharsets.UTF_8));
            fields.write(0);
        }
        fields.write(0);
        byte[] body = fields.toByteArray();
        OutputStream out = client.getOutputStream();
        out.write(ByteBuffer.allocate(5 + body.length).put((byte) 'E').putInt(4 + body.length).put(body).array());
        out.flush();
        close(client);
    }

    private void forward(Socket client, byte[] alreadyRead) throws IOException {
        Socket upstream = new Socket(targetHost, targetPort);
        if (alreadyRead != null) upstream.getOutputStream().write(alreadyRead);
        pipe(client, upstream);
        pipe(upstream, client);
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16384];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // Either side closing ends the relay of this session.
            } finally {
                close(from);
                close(to);
            }
        }, "tls-relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Nothing to release.
        }
    }
}
