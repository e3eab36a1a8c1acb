package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.engine.Database;
import dev.migrate.support.PostgresTestDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** The session a command opens is closed on every way out. */
class WorkspaceTest {
    private static final Vertx VERTX = Vertx.vertx();

    @TempDir
    Path tmp;

    private final PostgresTestDatabase db = new PostgresTestDatabase();

    @AfterEach
    void drop() {
        db.close();
    }

    private Workspace workspace(String applicationName) throws Exception {
        String config = Files.writeString(tmp.resolve("migrate.yaml"), "script_location: migrations\n").toString();
        RunOptions options = new RunOptions(config, List.of(db.url() + "?application_name=" + applicationName), null, 1,
                List.of(), null, null, null, false, false, false);
        return new Workspace(options, new VertxHolder() {
            @Override
            public Vertx get() {
                return VERTX;
            }
        });
    }

    private List<List<String>> sessions(String applicationName) {
        return db.query("SELECT pid FROM pg_stat_activity WHERE application_name = '" + applicationName + "'");
    }

    @Test
    void aWorkThatThrowsBeforeReturningStillClosesTheSession() throws Exception {
        String name = "ws_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Workspace ws = workspace(name);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ws.withDatabase(session -> {
            assertEquals(1, sessions(name).size(), "the session is open while the work runs");
            throw new IllegalStateException("thrown before any Uni");
        }));
        assertEquals("thrown before any Uni", e.getMessage());
        assertEquals(List.of(), sessions(name));
    }

    @Test
    void aWorkThatFailsClosesTheSessionToo() throws Exception {
        String name = "ws_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Workspace ws = workspace(name);
        assertThrows(IllegalStateException.class, () -> ws.withDatabase(
                (Database session) -> Uni.createFrom().failure(new IllegalStateException("failed later"))));
        assertEquals(List.of(), sessions(name));
        assertEquals(List.of(List.of("1")), ws.withDatabase(session -> session.query("SELECT 1")));
        assertEquals(List.of(), sessions(name));
    }
}
