package dev.migrate.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;
import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.InvalidUrlException;
import dev.migrate.postgres.PostgresOptions;
import dev.migrate.postgres.PostgresUrl;
import dev.migrate.support.Fuzz;

/**
 * Database URLs, generated from the parts users write and mutated: each parses, or is refused
 * with a clear error; and a password in its place never shows in the message or the masked URL.
 */
class DatabaseUrlFuzzTest {
    private static final String PASSWORD = "Pw9secret";
    private static final Path WORK = Path.of("/srv/app");
    private static final List<String> SCHEMES = List.of("postgresql://", "postgres://", "postgresql+asyncpg://",
            "postgresql+psycopg2://", "jdbc:postgresql://", "POSTGRESQL://", "sqlite://", "sqlite:///", "sqlite:////",
            "sqlite+pysqlite:///", "jdbc:sqlite:", "mysql://", "", "postgresql:/", "postgresql:", "://");
    private static final List<String> USERS = List.of("", "app", "app%20user", "%zz", "%", "a@b", "ünï", "app:", ":");
    private static final List<String> HOSTS = List.of("", "localhost", "127.0.0.1", "[::1]", "[::1", "[", "]", "db.example.com",
            "h1,h2", "host:port:extra", "%2Frun%2Fpostgresql", "ünïcode");
    private static final List<String> PORTS = List.of("", ":", ":5432", ":0", ":65536", ":99999999999", ":-1", ":abc", ":5432:1");
    private static final List<String> DATABASES = List.of("", "/", "/app", "/app%2Fx", "/%", "/a/b", "/:memory:", "/ünï", "/app db");
    private static final List<String> PARAMETERS = List.of("sslmode=require", "sslmode=verify-full", "sslmode=bogus", "sslmode=",
            "sslrootcert=/no/such.pem", "sslmode=verify-ca&sslrootcert=/no/such.pem", "application_name=x%20y",
            "options=-c%20search_path%3Dx", "search_path=a,b", "connect_timeout=5", "connect_timeout=-1",
            "connect_timeout=abc", "connect_timeout=99999999999999999999", "host=/run/postgresql", "host=", "port=1",
            "password=" + PASSWORD, "unknown=1", "a", "=", "&", "&&", "%", "sslmode", "mode=ro", "cache=shared",
            "ssl=require", "ssl=true", "ssl=false", "ssl", "ssl=bogus", "currentSchema=a,b", "ApplicationName=x",
            "connectTimeout=5", "connectTimeout=x", "sslfactory=org.postgresql.ssl.NonValidatingFactory", "sslfactory=x.Y",
            "prepared_statement_cache_size=0", "prepareThreshold=0", "targetServerType=secondary");
    private static final List<String> TOKENS = List.of(":", "@", "/", "?", "&", "=", "%", "%2", "[", "]", "#", " ", "+", "\u0000",
            "\n", "..", "\\", "ü", ":" + PASSWORD + "@");

    /** The input holds the password once, as {@code :password@}: where a user writes it (not a fragment a mutation copied). */
    private static boolean passwordInPlace(String text) {
        return text.contains(":" + PASSWORD + "@") && text.indexOf(PASSWORD) == text.lastIndexOf(PASSWORD);
    }

    /** Parses; a PostgreSQL URL is then turned into connection options, as every connection does. */
    private static void parse(String text, Map<String, String> env) {
        DatabaseUrl url;
        try {
            url = Flavors.parse(text, env, WORK);
        } catch (MigrateException e) {
            if (passwordInPlace(text)) {
                assertFalse(e.getMessage().contains(PASSWORD), () -> "the password shows in: " + e.getMessage());
            }
            throw e;
        }
        if (passwordInPlace(text) && url instanceof PostgresUrl && PASSWORD.equals(((PostgresUrl) url).password())) {
            assertFalse(url.masked().contains(PASSWORD), url::masked);
            assertFalse(url.describe().contains(PASSWORD), url::describe);
        }
        url.masked();
        url.describe();
        url.dialect();
        if (url instanceof PostgresUrl) PostgresOptions.from((PostgresUrl) url);
    }

    private static Map<String, String> environment(Random r) {
        Map<String, String> env = new HashMap<>();
        if (r.nextInt(3) == 0) env.put("PGPORT", Fuzz.pick(r, List.of("5433", "abc", "", "-1", "70000")));
        if (r.nextInt(3) == 0) env.put("PGHOST", Fuzz.pick(r, List.of("db", "", "/run/postgresql", "[::1]")));
        if (r.nextInt(3) == 0) env.put("PGSSLMODE", Fuzz.pick(r, List.of("require", "bogus", "", "verify-ca")));
        if (r.nextInt(3) == 0) env.put("PGUSER", Fuzz.pick(r, List.of("app", "")));
        if (r.nextInt(3) == 0) env.put("PGPASSWORD", PASSWORD);
        if (r.nextInt(3) == 0) env.put("PGDATABASE", Fuzz.pick(r, List.of("app", "")));
        if (r.nextInt(3) == 0) env.put("USER", "me");
        return env;
    }

    private static String generated(Random r) {
        StringBuilder s = new StringBuilder(Fuzz.pick(r, SCHEMES));
        String user = Fuzz.pick(r, USERS);
        if (!user.isEmpty() || r.nextBoolean()) {
            s.append(user);
            if (r.nextBoolean()) s.append(':').append(PASSWORD);
            s.append('@');
        }
        s.append(Fuzz.pick(r, HOSTS)).append(Fuzz.pick(r, PORTS)).append(Fuzz.pick(r, DATABASES));
        if (r.nextBoolean()) {
            s.append('?');
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) s.append(i == 0 ? "" : "&").append(Fuzz.pick(r, PARAMETERS));
        }
        return s.toString();
    }

    /** What the fuzzing found once, kept as plain cases. */
    @Test
    void foundByFuzzing() {
        InvalidUrlException nul = assertThrows(InvalidUrlException.class, () -> Flavors.parse("sqlite:///a\u0000b.db", Map.of(), WORK));
        assertTrue(nul.getMessage().contains("is not a valid path"), nul.getMessage());
        for (String url : List.of("sqli:" + PASSWORD + "@host/db", "jdbc:sqlite:app:" + PASSWORD + "@h/x?mode=ro",
                "postgresql://app@h/db?sslp:" + PASSWORD + "@x=1", "postgresql://h/db?sslmode=requi:" + PASSWORD + "@re",
                "postgresq:" + PASSWORD + "@l+asyncpg://app@h/db")) {
            InvalidUrlException e = assertThrows(InvalidUrlException.class, () -> Flavors.parse(url, Map.of(), WORK), url);
            assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        }
    }

    @Test
    void generatedUrls() {
        Random envs = new Random(5);
        Fuzz.check(3L, 6000, DatabaseUrlFuzzTest::generated, text -> parse(text, environment(envs)));
    }

    @Test
    void mutatedUrls() {
        List<String> corpus = List.of("postgresql://app:" + PASSWORD + "@db.example.com:5432/app?sslmode=require&application_name=x",
                "postgresql+asyncpg://app@[::1]:5433/app", "jdbc:postgresql://localhost/app?connect_timeout=5",
                "sqlite:///relative.db", "sqlite:////abs/path.db?mode=ro", "sqlite://", "jdbc:sqlite:file.db",
                "postgres:///app?host=/run/postgresql",
                "jdbc:postgresql://db:5432/app?user=app&password=" + PASSWORD + "&ssl=true&currentSchema=app&ApplicationName=x",
                "postgresql+asyncpg://app:" + PASSWORD + "@db/app?ssl=require&prepared_statement_cache_size=0");
        Fuzz.check(9L, 6000, r -> Fuzz.mutate(r, Fuzz.pick(r, corpus), TOKENS), text -> parse(text, Map.of()));
    }

    /** A password holding every character that ends a part of a URL, as a user types it unencoded. */
    private static final String PUNCTUATED = "Alpha?Bravo@Charlie/Delta#Echo:Foxtrot&Golf=Hotel%Juliet Kilo";
    private static final List<String> PIECES = List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf",
            "Hotel", "Juliet", "Kilo");

    private static void hidesEveryPiece(String shown, String input) {
        for (String piece : PIECES) {
            assertFalse(shown.contains(piece), () -> "'" + piece + "' of the password shows in: " + shown + " (from " + input + ")");
        }
    }

    /**
     * Parsed or refused, nothing of the password shows: not in the masked URL, the description nor
     * the error; checked while the password is still whole and in its place (a mutation may have
     * cut it or moved pieces of it elsewhere, where they are no longer a password).
     */
    private static void hidesThePassword(String text) {
        int at = text.indexOf(":" + PUNCTUATED + "@");
        if (at < 0 || PIECES.stream().anyMatch(p -> text.indexOf(p) != text.lastIndexOf(p))) return;
        hidesEveryPiece(DatabaseUrl.mask(text), text);
        try {
            DatabaseUrl url = Flavors.parse(text, Map.of(), WORK);
            hidesEveryPiece(url.masked(), text);
            hidesEveryPiece(url.describe(), text);
            hidesEveryPiece(String.valueOf(url), text);
        } catch (MigrateException e) {
            hidesEveryPiece(e.getMessage(), text);
        }
    }

    @Test
    void noPieceOfAPasswordWithAQuestionMarkShows() {
        DatabaseUrl url = Flavors.parse("postgresql://u:Pa?ss@wordTail@127.0.0.1:1/db", Map.of(), WORK);
        assertFalse(url.masked().contains("wordTail"), url.masked());
        assertTrue(url.masked().equals("postgresql://u:***@127.0.0.1:1/db"), url.masked());
        assertTrue(((PostgresUrl) url).password().equals("Pa?ss@wordTail"), "the whole text before the last @ is the password");
    }

    /** The punctuated password in many URLs, each cut or doubled somewhere: no piece of it ever shows. */
    @Test
    void noPieceOfAPunctuatedPasswordShowsInAnyUrl() {
        List<String> corpus = List.of("postgresql://u:" + PUNCTUATED + "@127.0.0.1:1/db",
                "postgresql://u:" + PUNCTUATED + "@db.example.com/app?sslmode=require",
                "postgres://u:" + PUNCTUATED + "@[::1]:5432/app", "jdbc:postgresql://u:" + PUNCTUATED + "@h/db",
                "postgresql+asyncpg://u:" + PUNCTUATED + "@h:5432/db?application_name=x",
                "postgresql+asyncpg://u:" + PUNCTUATED + "@h/db?ssl=require&prepared_statement_cache_size=0",
                "jdbc:postgresql://u:" + PUNCTUATED + "@h/db?ssl=true&sslmode=disable&currentSchema=a");
        for (String url : corpus) hidesThePassword(url);
        Fuzz.check(21L, 4000, r -> Fuzz.mutate(r, Fuzz.pick(r, corpus), List.of(":", "@", "/", "?", "&", "=", "%", " ", "#")),
                DatabaseUrlFuzzTest::hidesThePassword);
    }
}
