package dev.migrate.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import dev.migrate.errors.ConnectionFailed;
import dev.migrate.engine.Database;
import dev.migrate.engine.lock.MigrationLock;
import io.smallrye.mutiny.Uni;

/**
 * SQLite: an exclusive lock on {@code <database>.migrate-lock}, a file beside the database. The
 * operating system drops the lock when the process ends, however it ends. The holder writes its
 * pid and start time into the file so a waiter can say who it waits for. The file is left in
 * place on release: deleting it would let a late waiter lock a file nobody else sees any more.
 * Within one JVM, a second lock on the same file is refused with
 * {@link OverlappingFileLockException}, which means "held" here too.
 */
public final class LockFile implements MigrationLock {
    private final Path path;
    private FileChannel channel;
    private FileLock lock;
    private volatile SqliteDatabase work;

    public LockFile(Path database) {
        this.path = database.resolveSibling(database.getFileName() + ".migrate-lock");
    }

    public Path path() {
        return path;
    }

    @Override
    public Uni<Boolean> tryAcquire() {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                try {
                    if (channel == null) {
                        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE);
                    }
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                } catch (IOException e) {
                    throw new ConnectionFailed(path.toString(), "cannot open the lock file: " + e.getMessage(), e);
                }
                if (lock == null) return false;
                writeHolder();
                return true;
            }
        });
    }

    private void writeHolder() {
        byte[] text = ("pid " + ProcessHandle.current().pid() + " since " + Instant.now()).getBytes(StandardCharsets.UTF_8);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
        } catch (IOException ignored) {
            // The holder's name is only for messages; the lock itself is what counts.
        }
    }

    @Override
    public Uni<String> holder() {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                // Read through the channel already open: closing another descriptor of this file would drop
                // the POSIX locks this process holds on it.
                if (channel == null) return null;
                try {
                    ByteBuffer buffer = ByteBuffer.allocate(256);
                    int n = channel.read(buffer, 0);
                    return n <= 0 ? null : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    return null;
                }
            }
        });
    }

    @Override
    public String describe() {
        return "lock file " + path;
    }

    @Override
    public Uni<Void> attach(Database work) {
        if (work instanceof SqliteDatabase) this.work = (SqliteDatabase) work;
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> cancelWork() {
        SqliteDatabase running = work;
        if (running != null) running.interrupt();
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> release() {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                try {
                    if (lock != null) lock.release();
                    if (channel != null) channel.close();
                } catch (IOException ignored) {
                    // Closing the descriptor releases the lock even when release() could not say so.
                }
                lock = null;
                channel = null;
                return null;
            }
        });
    }
}
