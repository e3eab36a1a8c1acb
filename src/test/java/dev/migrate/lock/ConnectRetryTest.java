package dev.migrate.lock;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.engine.Database;
import dev.migrate.support.DelayedRelay;
import dev.migrate.support.PostgresTestDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/** The connection retry through the engine API: one "waiting for" line per retry, then the session. */
class ConnectRetryTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final PgConnectOptions SERVER = PgConnectOptions.fromUri(PostgresTestDatabase.SERVER);

    @Test
    void retriesARefusedConnectionUntilTheServerAnswers() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (DelayedRelay relay = new DelayedRelay(SERVER.getHost(), SERVER.getPort(), 1500)) {
            String url = "postgresql://" + SERVER.getUser() + "@127.0.0.1:" + relay.port() + "/" + SERVER.getDatabase();
            Database db = Flavors.open(Flavors.parse(url, System.getenv(), Path.of("")), () -> VERTX,
                    Duration.ofSeconds(20), Duration.ofSeconds(5), lines::add).await().indefinitely();
            db.close().await().indefinitely();
            assertTrue(!lines.isEmpty() && lines.get(0).startsWith("waiting for " + url + ": "), lines.toString());
        }
    }
}
