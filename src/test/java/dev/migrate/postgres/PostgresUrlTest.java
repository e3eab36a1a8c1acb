package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.migrate.config.InvalidUrlException;

/** PostgreSQL's URL forms, read the way libpq reads them (README, "Database URLs"). */
class PostgresUrlTest {
    private static final Path WORK = Path.of("/srv/app");
    private static final Map<String, String> NO_ENV = Map.of();

    private static PostgresUrl pg(String url) {
        return pg(url, NO_ENV);
    }

    private static PostgresUrl pg(String url, Map<String, String> env) {
        return (PostgresUrl) PostgresFlavor.INSTANCE.parseUrl(url, env, WORK).orElseThrow(() -> new AssertionError(url));
    }

    private static InvalidUrlException invalid(String url) {
        return invalid(url, NO_ENV);
    }

    private static InvalidUrlException invalid(String url, Map<String, String> env) {
        return assertThrows(InvalidUrlException.class, () -> PostgresUrl.read(url, env), url);
    }

    @Test
    void everyPostgresSchemeReadsTheSame() {
        for (String scheme : new String[] {"postgresql://", "postgres://", "postgresql+asyncpg://",
                "postgresql+psycopg2://", "POSTGRESQL://", "jdbc:postgresql://"}) {
            PostgresUrl u = pg(scheme + "app:secret@db.example.com:6543/shop");
            assertEquals("db.example.com", u.host(), scheme);
            assertEquals(6543, u.port());
            assertEquals("app", u.user());
            assertEquals("secret", u.password());
            assertEquals("shop", u.database());
            assertEquals(SslMode.PREFER, u.sslMode());
        }
    }

    @Test
    void percentEncodedPartsAreDecodedAndPlusStaysPlus() {
        PostgresUrl u = pg("postgresql://us%40er:p%40ss%3Aw%2Fo+rd%C3%A9@localhost/my%20db");
        assertEquals("us@er", u.user());
        assertEquals("p@ss:w/o+rdé", u.password());
        assertEquals("my db", u.database());
    }

    @Test
    void unencodedAtAndSlashInPasswordAreTolerated() {
        PostgresUrl u = pg("postgresql://app:p@ss/w@db:5432/shop");
        assertEquals("p@ss/w", u.password());
        assertEquals("db", u.host());
        assertEquals("shop", u.database());
    }

    @Test
    void unencodedQuestionMarkInPasswordIsTolerated() {
        PostgresUrl u = pg("postgresql://app:pa?ss@db/shop?sslmode=require");
        assertEquals("pa?ss", u.password());
        assertEquals("db", u.host());
        assertEquals(SslMode.REQUIRE, u.sslMode());
        assertEquals("db", pg("postgresql://db/shop?application_name=a@b").host());
        assertEquals("a@b", pg("postgresql://db/shop?application_name=a@b").applicationName());
    }

    @Test
    void ipv6Host() {
        PostgresUrl u = pg("postgresql://app@[::1]:5433/shop");
        assertEquals("::1", u.host());
        assertEquals(5433, u.port());
        assertEquals("postgresql://app@[::1]:5433/shop", u.masked());
        assertEquals(5432, pg("postgresql://app@[fe80::1]/shop").port());
    }

    @Test
    void socketFolderAsHostParameter() {
        PostgresUrl u = pg("postgresql://app@/shop?host=/var/run/postgresql");
        assertTrue(u.isSocket());
        assertEquals("/var/run/postgresql", u.host());
        assertEquals("socket /var/run/postgresql, port 5432, database shop", u.describe());
        assertEquals("postgresql://app@/shop?host=/var/run/postgresql", u.masked());
    }

    @Test
    void queryParameters() {
        PostgresUrl u = pg("postgresql://app@db/shop?sslmode=verify-full&sslrootcert=/certs/ca.pem"
                + "&application_name=migrate&options=-c%20statement_timeout%3D5000&search_path=app,public&connect_timeout=7");
        assertEquals(SslMode.VERIFY_FULL, u.sslMode());
        assertEquals("/certs/ca.pem", u.sslRootCert());
        assertEquals("migrate", u.applicationName());
        assertEquals("-c statement_timeout=5000", u.options());
        assertEquals("app,public", u.searchPath());
        assertEquals(Duration.ofSeconds(7), u.connectTimeout());
        for (SslMode m : SslMode.values()) assertEquals(m, pg("postgresql://db/x?sslmode=" + m.text()).sslMode());
    }

    @Test
    void jdbcUserAndPasswordParameters() {
        PostgresUrl u = pg("jdbc:postgresql://db:5432/shop?user=app&password=s%26cret");
        assertEquals("app", u.user());
        assertEquals("s&cret", u.password());
        assertEquals("postgresql://app:***@db:5432/shop", u.masked());
    }

    @Test
    void unknownOrBadParametersAreNamed() {
        InvalidUrlException e = invalid("postgresql://app:hunter2@db/shop?sslmod=require");
        assertTrue(e.getMessage().contains("unknown parameter 'sslmod'"), e.getMessage());
        assertTrue(e.getMessage().contains("sslmode"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(invalid("postgresql://db/shop?sslmode=maybe").getMessage().contains("verify-full"));
        assertTrue(invalid("postgresql://db/shop?sslmode").getMessage().contains("no value"));
        assertTrue(invalid("postgresql://db/shop?sslmode=require&sslmode=disable").getMessage().contains("twice"));
        assertTrue(invalid("postgresql://db/shop?connect_timeout=soon").getMessage().contains("connect_timeout"));
        assertTrue(invalid("postgresql://db:99999/shop").getMessage().contains("port"));
        assertTrue(invalid("postgresql://a,b/shop").getMessage().contains("several hosts"));
        assertTrue(invalid("postgresql://[::1/shop").getMessage().contains("IPv6"));
        assertTrue(invalid("postgresql://db/sh%zzop").getMessage().contains("%-escape"));
    }

    @Test
    void hostedProvidersLibpqParametersThatOnlyTuneAreAccepted() {
        PostgresUrl u = pg("postgresql://app:pw@ep-x.neon.tech/shop?sslmode=verify-full&sslrootcert=system&channel_binding=require"
                + "&target_session_attrs=read-write&gssencmode=disable&keepalives=1&keepalives_idle=30&keepalives_interval=10"
                + "&keepalives_count=3&tcp_user_timeout=1000&connect_timeout=10&client_encoding=UTF8&sslsni=1"
                + "&fallback_application_name=psql");
        assertEquals(SslMode.VERIFY_FULL, u.sslMode());
        assertEquals("psql", u.applicationName());
        assertEquals("app", pg("postgresql://db/x?application_name=app&fallback_application_name=psql").applicationName());
        pg("postgresql://db/x?channel_binding=prefer&gssencmode=prefer&target_session_attrs=any");
        pg("postgresql://db/x?channel_binding=disable&target_session_attrs=primary");
    }

    @Test
    void libpqParametersThatCannotBeHonouredAreRefusedWithAdvice() {
        // Neon's URL as given: require binding with an unchecked certificate cannot be enforced.
        InvalidUrlException neon = invalid("postgresql://app:hunter2@ep-x.neon.tech/shop?sslmode=require&channel_binding=require");
        assertTrue(neon.getMessage().contains("channel_binding=require"), neon.getMessage());
        assertTrue(neon.getMessage().contains("sslmode=verify-full"), neon.getMessage());
        assertFalse(neon.getMessage().contains("hunter2"), neon.getMessage());
        InvalidUrlException cert = invalid("postgresql://app:hunter2@db/shop?sslcert=/c/client.crt&sslkey=/c/client.key");
        assertTrue(cert.getMessage().contains("parameter 'sslcert'"), cert.getMessage());
        assertTrue(cert.getMessage().contains("client certificates are not supported"), cert.getMessage());
        assertFalse(cert.getMessage().contains("hunter2"), cert.getMessage());
        InvalidUrlException gss = invalid("postgresql://db/shop?gssencmode=require");
        assertTrue(gss.getMessage().contains("gssencmode=require") && gss.getMessage().contains("sslmode"), gss.getMessage());
        InvalidUrlException standby = invalid("postgresql://db/shop?target_session_attrs=standby");
        assertTrue(standby.getMessage().contains("read-write"), standby.getMessage());
        assertTrue(invalid("postgresql://db/shop?passfile=/p").getMessage().contains("PGPASSWORD"));
        InvalidUrlException unknown = invalid("postgresql://app:hunter2@db/shop?keepalive=1");
        assertTrue(unknown.getMessage().contains("unknown parameter 'keepalive'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("keepalives"), unknown.getMessage());
    }

    @Test
    void asyncpgSslAndSqlAlchemysCacheSizeAreRead() {
        PostgresUrl u = pg("postgresql+asyncpg://app:pw@db/shop?ssl=require&prepared_statement_cache_size=0");
        assertEquals(SslMode.REQUIRE, u.sslMode());
        for (SslMode m : SslMode.values()) assertEquals(m, pg("postgresql+asyncpg://db/x?ssl=" + m.text()).sslMode());
        assertEquals(SslMode.DISABLE, pg("postgresql+asyncpg://db/x?ssl=false").sslMode());
        assertEquals(SslMode.VERIFY_FULL, pg("postgresql+asyncpg://db/x?ssl=true").sslMode());
        // the URL's ssl wins over PGSSLMODE, as its sslmode does
        assertEquals(SslMode.REQUIRE, pg("postgresql://db/x?ssl=require", Map.of("PGSSLMODE", "disable")).sslMode());
        pg("postgresql+asyncpg://db/x?statement_cache_size=0&max_cached_statement_lifetime=0"
                + "&max_cacheable_statement_size=0&command_timeout=60");
    }

    @Test
    void pgJdbcParametersReadAsTheirLibpqTwins() {
        PostgresUrl u = pg("jdbc:postgresql://db:5432/shop?user=app&password=hunter2&ssl=true&currentSchema=app,public"
                + "&ApplicationName=billing&connectTimeout=5&loginTimeout=10&socketTimeout=0&prepareThreshold=0"
                + "&reWriteBatchedInserts=true&targetServerType=primary");
        assertEquals("app", u.user());
        assertEquals("hunter2", u.password());
        // pgJDBC: ssl=true without sslmode checks the certificate and the host name
        assertEquals(SslMode.VERIFY_FULL, u.sslMode());
        assertEquals("app,public", u.searchPath());
        assertEquals("billing", u.applicationName());
        assertEquals(Duration.ofSeconds(5), u.connectTimeout());
        assertEquals("postgresql://app:***@db:5432/shop", u.masked());
        // ssl=true asks for TLS; sslmode says how much is checked
        assertEquals(SslMode.REQUIRE, pg("jdbc:postgresql://db/x?ssl=true&sslmode=require").sslMode());
        assertEquals(SslMode.VERIFY_CA, pg("jdbc:postgresql://db/x?sslmode=verify-ca&ssl=true").sslMode());
        assertEquals(SslMode.VERIFY_FULL, pg("jdbc:postgresql://db/x?ssl").sslMode());
        assertEquals(SslMode.VERIFY_FULL, pg("jdbc:postgresql://db/x?ssl=").sslMode());
        PostgresUrl unchecked = pg("jdbc:postgresql://db/x?ssl=true&sslfactory=org.postgresql.ssl.NonValidatingFactory");
        assertEquals(SslMode.REQUIRE, unchecked.sslMode());
        PostgresUrl javaRoots = pg("jdbc:postgresql://db/x?ssl=true&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
        assertEquals(SslMode.VERIFY_FULL, javaRoots.sslMode());
        assertEquals("system", javaRoots.sslRootCert());
        assertNull(pg("jdbc:postgresql://db/x?sslfactory=org.postgresql.ssl.LibPQFactory").sslRootCert());
        // the same thing said twice is not a conflict
        assertEquals(SslMode.REQUIRE, pg("postgresql://db/x?ssl=require&sslmode=require").sslMode());
        assertEquals("a", pg("postgresql://db/x?currentSchema=a&search_path=a").searchPath());
        assertEquals("x", pg("postgresql://db/x?ApplicationName=x&fallback_application_name=y").applicationName());
    }

    @Test
    void twinsThatDisagreeAreRefusedNamingBoth() {
        for (String query : List.of("ssl=require&sslmode=disable", "sslmode=disable&ssl=require", "ssl=true&sslmode=prefer",
                "ssl=false&sslmode=require")) {
            InvalidUrlException e = invalid("postgresql://app:hunter2@db/x?" + query);
            assertTrue(e.getMessage().contains("'ssl'") && e.getMessage().contains("'sslmode'"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
        InvalidUrlException bare = invalid("jdbc:postgresql://db/x?ssl&sslmode=disable");
        assertTrue(bare.getMessage().startsWith("parameters 'ssl' (true) and 'sslmode' (disable)"), bare.getMessage());
        InvalidUrlException schema = invalid("jdbc:postgresql://db/x?currentSchema=a&search_path=b");
        assertTrue(schema.getMessage().contains("'currentSchema'") && schema.getMessage().contains("'search_path'"), schema.getMessage());
        InvalidUrlException name = invalid("jdbc:postgresql://db/x?application_name=a&ApplicationName=b");
        assertTrue(name.getMessage().contains("'application_name'") && name.getMessage().contains("'ApplicationName'"), name.getMessage());
        InvalidUrlException timeout = invalid("jdbc:postgresql://db/x?connectTimeout=5&connect_timeout=6");
        assertTrue(timeout.getMessage().contains("'connectTimeout'") && timeout.getMessage().contains("'connect_timeout'"),
                timeout.getMessage());
        InvalidUrlException factory = invalid("jdbc:postgresql://db/x?sslmode=verify-full&sslfactory=org.postgresql.ssl.NonValidatingFactory");
        assertTrue(factory.getMessage().contains("'sslmode'") && factory.getMessage().contains("'sslfactory'"), factory.getMessage());
        InvalidUrlException roots = invalid("jdbc:postgresql://db/x?sslrootcert=/c/ca.pem&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
        assertTrue(roots.getMessage().contains("'sslrootcert'") && roots.getMessage().contains("'sslfactory'"), roots.getMessage());
    }

    @Test
    void otherDriversParametersMistypedOrUnsupportedAreNamed() {
        InvalidUrlException typo = invalid("jdbc:postgresql://db/x?user=app&password=hunter2&currentschema=a");
        assertTrue(typo.getMessage().contains("unknown parameter 'currentschema'"), typo.getMessage());
        assertTrue(typo.getMessage().contains("currentSchema"), typo.getMessage());
        assertFalse(typo.getMessage().contains("hunter2"), typo.getMessage());
        assertTrue(invalid("postgresql+asyncpg://db/x?prepared_statement_cache=0").getMessage()
                .contains("unknown parameter 'prepared_statement_cache'"));
        InvalidUrlException ssl = invalid("postgresql+asyncpg://db/x?ssl=yes");
        assertTrue(ssl.getMessage().contains("ssl 'yes'") && ssl.getMessage().contains("verify-full"), ssl.getMessage());
        InvalidUrlException factory = invalid("jdbc:postgresql://db/x?sslfactory=com.example.MyFactory");
        assertTrue(factory.getMessage().contains("sslfactory=com.example.MyFactory") && factory.getMessage().contains("sslmode"),
                factory.getMessage());
        assertTrue(invalid("jdbc:postgresql://db/x?sslfactoryarg=x").getMessage().contains("sslrootcert"));
        assertTrue(invalid("jdbc:postgresql://db/x?targetServerType=secondary").getMessage().contains("primary"));
        InvalidUrlException timeout = invalid("jdbc:postgresql://db/x?connectTimeout=soon");
        assertTrue(timeout.getMessage().startsWith("connectTimeout "), timeout.getMessage());
    }

    @Test
    void libpqVariablesFillWhatTheUrlLeavesOut() {
        Map<String, String> env = Map.of("PGHOST", "pg.internal", "PGPORT", "6000", "PGUSER", "svc",
                "PGPASSWORD", "envsecret", "PGDATABASE", "prod", "PGSSLMODE", "require", "USER", "alice");
        PostgresUrl u = pg("postgresql://", env);
        assertEquals("pg.internal", u.host());
        assertEquals(6000, u.port());
        assertEquals("svc", u.user());
        assertEquals("envsecret", u.password());
        assertEquals("prod", u.database());
        assertEquals(SslMode.REQUIRE, u.sslMode());

        PostgresUrl explicit = pg("postgresql://app:urlsecret@db:5432/shop?sslmode=disable", env);
        assertEquals("db", explicit.host());
        assertEquals(5432, explicit.port());
        assertEquals("app", explicit.user());
        assertEquals("urlsecret", explicit.password());
        assertEquals("shop", explicit.database());
        assertEquals(SslMode.DISABLE, explicit.sslMode());
    }

    @Test
    void defaultsFollowLibpq() {
        PostgresUrl bare = pg("postgres://");
        assertEquals("localhost", bare.host());
        assertEquals(5432, bare.port());
        assertEquals("postgres", bare.user());
        assertEquals("postgres", bare.database());
        assertNull(bare.password());
        assertNull(bare.connectTimeout());

        PostgresUrl osUser = pg("postgresql://db", Map.of("USER", "alice"));
        assertEquals("alice", osUser.user());
        assertEquals("alice", osUser.database());
        assertEquals("app", pg("postgresql://app@db").database());
    }

    @Test
    void badLibpqVariablesAreNamed() {
        InvalidUrlException port = invalid("postgresql://db/x", Map.of("PGPORT", "x"));
        assertTrue(port.getMessage().contains("PGPORT"), port.getMessage());
        InvalidUrlException mode = invalid("postgresql://db/x", Map.of("PGSSLMODE", "bogus"));
        assertTrue(mode.getMessage().contains("PGSSLMODE"), mode.getMessage());
    }

    @Test
    void maskedDescribeAndToStringNeverShowThePassword() {
        PostgresUrl u = pg("postgresql+asyncpg://app:Sup3rS3cret@127.0.0.1/test");
        assertEquals("postgresql://app:***@127.0.0.1:5432/test", u.masked());
        assertEquals("host 127.0.0.1, port 5432, database test", u.describe());
        assertEquals(u.masked(), u.toString());
        assertFalse(u.describe().contains("Sup3rS3cret"));
        assertEquals("postgresql://app@db:5432/shop", pg("postgresql://app@db/shop").masked());
        PostgresUrl fromEnv = pg("postgresql://app@db/shop", Map.of("PGPASSWORD", "Sup3rS3cret"));
        assertFalse(fromEnv.toString().contains("Sup3rS3cret"));
    }

    @Test
    void theSameDatabaseHoweverItIsWritten() {
        String shop = pg("postgresql://app:pw@DB.example.com/shop").identity();
        assertEquals(shop, pg("jdbc:postgresql://db.example.com:5432/shop?user=other&sslmode=require").identity());
        assertEquals(shop, pg("postgres://db.example.com/shop", Map.of("PGPASSWORD", "x")).identity());
        assertNotEquals(shop, pg("postgresql://db.example.com:5433/shop").identity());
        assertNotEquals(shop, pg("postgresql://db.example.com/other").identity());
        assertEquals(Optional.empty(), pg("postgresql://db/shop").file());
    }

    @Test
    void otherSchemesAreNotRead() {
        for (String url : List.of("sqlite:///app.db", "jdbc:sqlite:app.db", "mysql://db/shop", "postgresql:/db/shop", "")) {
            assertTrue(PostgresUrl.read(url, NO_ENV).isEmpty(), url);
        }
    }
}
