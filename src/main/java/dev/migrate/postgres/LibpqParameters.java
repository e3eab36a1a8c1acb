package dev.migrate.postgres;

import java.util.List;
import java.util.Map;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.InvalidUrlException;

/**
 * libpq's connection parameters that migrate does not use itself, so that a hosted provider's
 * {@code DATABASE_URL} still reads: those that only tune the connection are accepted and ignored;
 * those whose promise migrate cannot keep are refused with what to do instead, rather than
 * connecting less safely than the URL asked for.
 */
final class LibpqParameters {
    /** Tuning only: dropping them changes how the connection behaves, never what it protects. */
    private static final List<String> IGNORED = List.of("keepalives", "keepalives_idle", "keepalives_interval",
            "keepalives_count", "tcp_user_timeout", "sslcompression", "sslsni", "krbsrvname", "gsslib");

    /** Accepted with these values only (libpq's meaning of each value is kept). */
    private static final Map<String, List<String>> ACCEPTED_VALUES = Map.of(
            "gssencmode", List.of("disable", "prefer"),
            "channel_binding", List.of("disable", "prefer", "require"),
            // With a single host, libpq either connects to it or fails: migrate writes, so only
            // the values a writable primary satisfies make sense.
            "target_session_attrs", List.of("any", "read-write", "primary", "prefer-standby"),
            "client_encoding", List.of("UTF8", "utf8", "auto"));

    /** libpq's, but not supported: the advice given for each. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("sslcert", "client certificates are not supported; authenticate with a password"),
            Map.entry("sslkey", "client certificates are not supported; authenticate with a password"),
            Map.entry("sslpassword", "client certificates are not supported; authenticate with a password"),
            Map.entry("sslcertmode", "client certificates are not supported; remove it"),
            Map.entry("sslcrl", "certificate revocation lists are not supported; remove it"),
            Map.entry("sslcrldir", "certificate revocation lists are not supported; remove it"),
            Map.entry("passfile", "a password file is not read; put the password in the URL or PGPASSWORD"),
            Map.entry("service", "connection service files are not read; write host, port and database in the URL"),
            Map.entry("hostaddr", "write the address as the URL's host"),
            Map.entry("require_auth", "it is not enforced; remove it"),
            Map.entry("requirepeer", "it is not enforced; remove it"),
            Map.entry("replication", "migrate needs a normal connection; remove it"),
            Map.entry("load_balance_hosts", "one host per URL is supported; remove it"),
            Map.entry("ssl_min_protocol_version", "the TLS versions are the JVM's (1.2 or newer); remove it"),
            Map.entry("ssl_max_protocol_version", "the TLS versions are the JVM's (1.2 or newer); remove it"),
            Map.entry("sslnegotiation", "only the standard TLS negotiation is supported; remove it"),
            Map.entry("requiressl", "write sslmode=require instead"),
            Map.entry("gssdelegation", "GSSAPI is not supported; remove it"));

    private LibpqParameters() {
    }

    /** True when {@code name} is one of the libpq parameters here, accepted or refused by {@link #check}. */
    static boolean isKnown(String name) {
        return IGNORED.contains(name) || ACCEPTED_VALUES.containsKey(name) || REFUSED.containsKey(name);
    }

    /** Names of the parameters accepted without being used, for "unknown parameter" messages. */
    static String names() {
        return String.join(", ", IGNORED) + ", " + String.join(", ", ACCEPTED_VALUES.keySet().stream().sorted().toList());
    }

    /**
     * Throws when one of {@code params} asks for something migrate cannot honour; {@code masked}
     * is the URL without its password, for the message.
     */
    static void check(Map<String, String> params, SslMode sslMode, String masked) {
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey();
            String advice = REFUSED.get(name);
            if (advice != null) {
                throw new InvalidUrlException("parameter '" + name + "' in database URL " + masked + " is not supported: " + advice);
            }
            List<String> values = ACCEPTED_VALUES.get(name);
            if (values != null && !values.contains(p.getValue())) {
                throw new InvalidUrlException(name + "=" + DatabaseUrl.mask(p.getValue()) + " in database URL " + masked
                        + " is not supported; accepted: " + String.join(", ", values)
                        + (name.equals("gssencmode") ? " (GSSAPI encryption is not supported: use sslmode instead)" : ""));
            }
        }
        // The client binds the channel when the server offers SCRAM-SHA-256-PLUS over TLS, but it
        // cannot refuse a server (or a man in the middle) that does not; a checked certificate
        // gives the protection channel_binding=require is there for.
        if ("require".equals(params.get("channel_binding")) && sslMode != SslMode.VERIFY_FULL) {
            throw new InvalidUrlException("channel_binding=require in database URL " + masked
                    + " cannot be enforced: migrate uses channel binding when the server offers it but cannot refuse a server"
                    + " that does not; write sslmode=verify-full (with sslrootcert=system for a public certificate authority)"
                    + " so that the server's certificate is checked instead, or channel_binding=prefer");
        }
    }
}
