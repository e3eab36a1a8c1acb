package dev.migrate.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.errors.ConnectionFailed;
import dev.migrate.sqlite.SqliteUrl;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

class SqliteApiTest extends ApiScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    @Override
    protected AutoCloseable holdLock() throws IOException {
        Path file = ((SqliteUrl) Flavors.parse(db.url(), System.getenv(), tmp)).path();
        FileChannel channel = FileChannel.open(file.resolveSibling(file.getFileName() + ".migrate-lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        return () -> {
            lock.release();
            channel.close();
        };
    }

    @Test
    void aSqliteOnlyUseNeverCreatesAVertx() throws IOException {
        threeRevisions();
        Files.writeString(project.dir().resolve("migrations/schema.yaml"), "");
        try (Migrate m = Migrate.fromConfig(migrateYaml())) {
            m.currentAndAwait();
            m.upgradeAndAwait("head");
            m.downgradeAndAwait("base");
            m.stampAndAwait("head");
            m.upgradeAndAwait("head");
            m.checkAndAwait();
            assertFalse(m.createdVertx());
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsAConnectionFailure() {
        threeRevisions();
        Path nowhere = tmp.resolve("no-such-folder/app.db");
        try (Migrate m = Migrate.builder().config(migrateYaml()).url("sqlite:///" + nowhere).build()) {
            ConnectionFailed e = assertThrows(ConnectionFailed.class, () -> m.upgradeAndAwait("head"));
            assertTrue(e.getMessage().contains("app.db"), e.getMessage());
        }
    }
}
