package dev.migrate.postgres;

import java.util.HashMap;
import java.util.Map;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/** Turns a parsed PostgreSQL URL into the reactive client's connection options, the way libpq reads the same URL. */
public final class PostgresOptions {
    /** Statements in flight at once; a longer revision waits for answers only every this many statements. */
    static final int PIPELINE_LIMIT = 256;

    private PostgresOptions() {
    }

    public static PgConnectOptions from(PostgresUrl url) {
        PgConnectOptions o = new PgConnectOptions()
                .setHost(url.host())
                .setPort(url.port())
                .setUser(url.user())
                .setDatabase(url.database())
                // A revision's statements are sent without waiting for each answer (Database.pipeline); everything
                // else waits for its answer before sending more, so nothing else is ever in flight together.
                .setPipeliningLimit(PIPELINE_LIMIT)
                .setCachePreparedStatements(false);
        if (url.password() != null) o.setPassword(url.password());
        if (url.connectTimeout() != null) o.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, url.connectTimeout().toMillis()));
        Map<String, String> properties = new HashMap<>();
        properties.put("application_name", url.applicationName() != null ? url.applicationName() : "migrate");
        if (url.options() != null) properties.put("options", url.options());
        if (url.searchPath() != null) properties.put("search_path", url.searchPath());
        o.setProperties(properties);
        if (url.sslMode() != null) {
            o.setSslMode(SslMode.of(url.sslMode().text()));
            // The switch is on our own enum, not Vert.x's: a switch on a Vert.x enum compiles to a helper class whose
            // static initialiser reads that enum, and the native build initialises Vert.x classes at run time only.
            switch (url.sslMode()) {
                case VERIFY_CA:
                case VERIFY_FULL:
                    boolean full = url.sslMode() == dev.migrate.postgres.SslMode.VERIFY_FULL;
                    o.setTrustOptions(ServerCertificateCheck.of(url, full));
                    // The JDK compares the host with the certificate only when told to; verify-ca must not.
                    o.setHostnameVerificationAlgorithm(full ? "HTTPS" : "");
                    break;
                case REQUIRE:
                case PREFER:
                case ALLOW:
                    // libpq's require encrypts without checking the certificate.
                    o.setTrustAll(true);
                    break;
                default:
                    break;
            }
        }
        return o;
    }
}
