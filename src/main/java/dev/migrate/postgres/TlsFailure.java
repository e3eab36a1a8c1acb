package dev.migrate.postgres;

import java.util.Locale;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/**
 * Says in words why a connection failed over TLS, where the reactive client only says "SSL
 * handshake failed" or "Postgres Server does not handle SSL connection".
 */
final class TlsFailure {
    /** The reactive client's message when the server answers the SSLRequest with 'N'. */
    private static final String NO_TLS = "Postgres Server does not handle SSL connection";

    private TlsFailure() {
    }

    /** The explanation of {@code failure} for a connection made with {@code options}; null when it was not about TLS. */
    static String explain(PgConnectOptions options, Throwable failure) {
        SslMode mode = options.getSslMode();
        if (mode == null || mode == SslMode.DISABLE) return null;
        String sslmode = "sslmode=" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (options.getTrustOptions() instanceof ServerCertificateCheck) {
            String refusal = ((ServerCertificateCheck) options.getTrustOptions()).refusal();
            if (refusal != null) return "TLS refused (" + sslmode + "): " + refusal;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (NO_TLS.equals(t.getMessage())) {
                return "the server does not accept TLS connections, which " + sslmode + " requires (sslmode=prefer"
                        + " falls back to an unencrypted connection; or turn ssl on in the server)";
            }
        }
        return null;
    }
}
