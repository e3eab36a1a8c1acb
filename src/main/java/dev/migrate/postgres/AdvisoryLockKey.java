package dev.migrate.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit key of the PostgreSQL advisory lock: the first eight bytes, read as a big-endian
 * signed long, of the SHA-256 digest of the UTF-8 text {@code migrate:<schema>.<table>}, where
 * {@code <table>} is {@code version_table} and {@code <schema>} is {@code version_table_schema}
 * or, when that is unset, the session's {@code current_schema()}. Runs that share a version
 * table therefore share a lock, whatever machine or version of the tool they run on, while two
 * applications keeping separate version tables in one database do not block each other. Advisory
 * locks are per database, so the database name needs no place in the key.
 */
public final class AdvisoryLockKey {
    private AdvisoryLockKey() {
    }

    public static long of(String schema, String table) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("migrate:" + schema + "." + table).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
