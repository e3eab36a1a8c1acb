package dev.migrate.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.migrate.sqlite.SqliteUrl;
import dev.migrate.support.CliTest;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

@CliTest
class SqliteLockTest extends LockScenarios {
    private static final String OTHER_PID = "424242";

    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    private Path lockFile() {
        Path file = ((SqliteUrl) url()).path();
        return file.resolveSibling(file.getFileName() + ".migrate-lock");
    }

    @Override
    protected HeldLock holdLock() {
        try {
            FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            channel.write(ByteBuffer.wrap(("pid " + OTHER_PID + " since the test began").getBytes(StandardCharsets.UTF_8)), 0);
            return new HeldLock() {
                @Override
                public String holderPid() {
                    return OTHER_PID;
                }

                @Override
                public void close() {
                    try {
                        lock.release();
                        channel.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean lockIsFree() {
        try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return false;
            lock.release();
            return true;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
