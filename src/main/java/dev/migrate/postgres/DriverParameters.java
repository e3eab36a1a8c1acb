package dev.migrate.postgres;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.InvalidUrlException;

/**
 * Other drivers' spellings of libpq's parameters (pgJDBC's, asyncpg's, SQLAlchemy's), so that the
 * {@code DATABASE_URL} an application already has reads as given (README, "Database URLs"): each
 * one with a libpq twin is read as that twin, those that only tune the other driver are dropped,
 * and two that ask for different things are refused, naming both.
 */
final class DriverParameters {
    /** Written under another name, meaning the same as libpq's (pgJDBC's names). */
    private static final Map<String, String> TWINS = Map.of(
            "currentSchema", "search_path",
            "ApplicationName", "application_name",
            "connectTimeout", "connect_timeout");

    /**
     * Tuning only the other driver's statement caches, pools, buffers, logging and timeouts on
     * statements: migrate has no such thing to tune, and dropping them never connects less safely.
     */
    private static final List<String> IGNORED = List.of(
            // pgJDBC
            "prepareThreshold", "preparedStatementCacheQueries", "preparedStatementCacheSizeMiB", "preferQueryMode",
            "defaultRowFetchSize", "binaryTransfer", "reWriteBatchedInserts", "stringtype", "autosave",
            "assumeMinServerVersion", "tcpKeepAlive", "loginTimeout", "socketTimeout", "cancelSignalTimeout",
            "loggerLevel", "loggerFile",
            // asyncpg, and SQLAlchemy's asyncpg dialect
            "prepared_statement_cache_size", "statement_cache_size", "max_cached_statement_lifetime",
            "max_cacheable_statement_size", "command_timeout");

    /** pgJDBC's twin of target_session_attrs: with one host, only the values a writable primary satisfies. */
    private static final List<String> TARGET_SERVER_TYPES = List.of("any", "primary", "master", "preferPrimary",
            "preferSecondary", "preferSlave");

    /** pgJDBC's, but not supported: the advice given for each. */
    private static final Map<String, String> REFUSED = Map.of(
            "sslfactoryarg", "write the certificate's file as sslrootcert instead",
            "sslhostnameverifier", "sslmode=verify-full checks the host name; remove it",
            "sslpasswordcallback", "client certificates are not supported; authenticate with a password");

    /** pgJDBC's TLS socket factories that migrate can stand in for. */
    private static final String NON_VALIDATING_FACTORY = "org.postgresql.ssl.NonValidatingFactory";
    private static final String DEFAULT_JAVA_FACTORY = "org.postgresql.ssl.DefaultJavaSSLFactory";
    private static final String LIBPQ_FACTORY = "org.postgresql.ssl.LibPQFactory";

    private DriverParameters() {
    }

    /** True when {@code name} is another driver's parameter read (or refused) by {@link #asLibpq}. */
    static boolean isKnown(String name) {
        return name.equals("ssl") || name.equals("sslfactory") || name.equals("targetServerType")
                || TWINS.containsKey(name) || IGNORED.contains(name) || REFUSED.containsKey(name);
    }

    /** Names of those with a libpq twin, for "unknown parameter" messages. */
    static String names() {
        return "ssl, sslfactory, " + String.join(", ", TWINS.keySet().stream().sorted().toList()) + ", targetServerType";
    }

    /**
     * {@code params} with every other driver's parameter replaced by its libpq twin, or dropped
     * when it only tunes that driver; {@code masked} is the URL without its password, for messages.
     */
    static Map<String, String> asLibpq(Map<String, String> params, String masked) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> writtenAs = new HashMap<>();
        boolean encrypt = false;
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey();
            String value = p.getValue();
            String advice = REFUSED.get(name);
            if (advice != null) {
                throw new InvalidUrlException("parameter '" + name + "' in database URL " + masked + " is not supported: " + advice);
            }
            if (IGNORED.contains(name)) continue;
            switch (name) {
                case "ssl":
                    String mode = sslMode(value, masked);
                    if (mode == null) encrypt = true;
                    else put(out, writtenAs, "sslmode", mode, name, masked);
                    break;
                case "sslfactory":
                    sslFactory(out, writtenAs, value, masked);
                    break;
                case "targetServerType":
                    if (!TARGET_SERVER_TYPES.contains(value)) {
                        throw new InvalidUrlException("targetServerType=" + DatabaseUrl.mask(value) + " in database URL " + masked
                                + " is not supported; accepted: " + String.join(", ", TARGET_SERVER_TYPES));
                    }
                    break;
                default:
                    put(out, writtenAs, TWINS.getOrDefault(name, name), value, name, masked);
            }
        }
        if (encrypt) {
            // pgJDBC's ssl=true asks for TLS and leaves how much is checked to sslmode, verify-full
            // when it is not given; a mode that may connect without TLS contradicts it.
            String text = out.get("sslmode");
            SslMode mode = SslMode.fromText(text);
            if (text == null) {
                out.put("sslmode", SslMode.VERIFY_FULL.text());
            } else if (mode != null && mode.compareTo(SslMode.REQUIRE) < 0) {
                String ssl = params.get("ssl");
                throw conflict("ssl", ssl.isEmpty() ? "true" : ssl, writtenAs.get("sslmode"), text, masked);
            }
        }
        return out;
    }

    /**
     * The sslmode that {@code ssl=value} asks for: asyncpg's {@code ssl} takes libpq's sslmode
     * values; {@code false} (or 0) is disable; null for pgJDBC's {@code true} (1, or no value),
     * which asks for TLS without saying how much is checked.
     */
    private static String sslMode(String value, String masked) {
        if (SslMode.fromText(value) != null) return value;
        if (value.isEmpty() || value.equalsIgnoreCase("true") || value.equals("1")) return null;
        if (value.equalsIgnoreCase("false") || value.equals("0")) return SslMode.DISABLE.text();
        throw new InvalidUrlException("ssl '" + DatabaseUrl.mask(value) + "' in database URL " + masked + " is not one of true, false, "
                + SslMode.accepted());
    }

    /** pgJDBC's socket factories, read as the sslmode or sslrootcert that does what each does. */
    private static void sslFactory(Map<String, String> out, Map<String, String> writtenAs, String value, String masked) {
        switch (value) {
            case NON_VALIDATING_FACTORY:
                // encrypts without checking the certificate: libpq's require
                put(out, writtenAs, "sslmode", SslMode.REQUIRE.text(), "sslfactory", masked);
                break;
            case DEFAULT_JAVA_FACTORY:
                // checks the certificate against the JVM's trusted roots
                put(out, writtenAs, "sslrootcert", "system", "sslfactory", masked);
                break;
            case LIBPQ_FACTORY:
                // pgJDBC's default, which reads sslmode and sslrootcert as libpq does: what migrate does
                break;
            default:
                throw new InvalidUrlException("sslfactory=" + DatabaseUrl.mask(value) + " in database URL " + masked
                        + " is not supported: no Java class is loaded; write sslmode (and sslrootcert) instead, or one of "
                        + NON_VALIDATING_FACTORY + ", " + DEFAULT_JAVA_FACTORY + ", " + LIBPQ_FACTORY);
        }
    }

    /** Puts libpq's {@code name=value}, given as parameter {@code written}; refuses a different value already there. */
    private static void put(Map<String, String> out, Map<String, String> writtenAs, String name, String value, String written,
                            String masked) {
        String before = out.putIfAbsent(name, value);
        if (before == null) {
            writtenAs.put(name, written);
        } else if (!before.equals(value)) {
            throw conflict(writtenAs.get(name), before, written, value, masked);
        }
    }

    private static InvalidUrlException conflict(String a, String aValue, String b, String bValue, String masked) {
        return new InvalidUrlException("parameters '" + a + "' (" + DatabaseUrl.mask(aValue) + ") and '" + b + "' ("
                + DatabaseUrl.mask(bValue) + ") in database URL " + masked + " ask for different things; keep one of them");
    }
}
