package dev.migrate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.config.Config;
import dev.migrate.config.ConfigLoader;
import dev.migrate.engine.Database;
import dev.migrate.support.PostgresTestDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** The session an operation opens is closed on every way out. */
class EnvironmentTest {
    private static final Vertx VERTX = Vertx.vertx();

    @TempDir
    Path tmp;

    private final PostgresTestDatabase db = new PostgresTestDatabase();

    @AfterEach
    void drop() {
        db.close();
    }

    private Environment environment(String applicationName) throws Exception {
        Path file = Files.writeString(tmp.resolve("migrate.yaml"), "script_location: migrations\n");
        Config config = new ConfigLoader(Map.of(), tmp).load(file.toString())
                .withUrl(db.url() + "?application_name=" + applicationName);
        return new Environment(config, Map.of(), line -> { }, () -> VERTX);
    }

    private List<List<String>> sessions(String applicationName) {
        return db.query("SELECT pid FROM pg_stat_activity WHERE application_name = '" + applicationName + "'");
    }

    private static <T> T await(Uni<T> work) {
        return work.await().indefinitely();
    }

    @Test
    void aWorkThatThrowsBeforeReturningStillClosesTheSession() throws Exception {
        String name = "env_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Environment env = environment(name);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> await(env.withDatabase(session -> {
            assertEquals(1, sessions(name).size(), "the session is open while the work runs");
            throw new IllegalStateException("thrown before any Uni");
        })));
        assertEquals("thrown before any Uni", e.getMessage());
        assertEquals(List.of(), sessions(name));
    }

    @Test
    void aWorkThatFailsClosesTheSessionToo() throws Exception {
        String name = "env_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Environment env = environment(name);
        assertThrows(IllegalStateException.class, () -> await(env.withDatabase(
                (Database session) -> Uni.createFrom().failure(new IllegalStateException("failed later")))));
        assertEquals(List.of(), sessions(name));
        assertEquals(List.of(List.of("1")), await(env.withDatabase(session -> session.query("SELECT 1"))));
        assertEquals(List.of(), sessions(name));
    }
}
