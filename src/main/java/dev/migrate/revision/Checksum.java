package dev.migrate.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The checksum recorded in the history table. Line endings and a leading byte order mark are
 * normalised first, so that a checkout on Windows or an editor adding a BOM does not count as a change.
 */
public final class Checksum {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Checksum() {
    }

    /** SHA-256, as lower-case hex, of {@code content} with CRLF and CR turned into LF and a leading BOM removed. */
    public static String of(String content) {
        String text = normalise(content);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[hash[i] & 0xf];
        }
        return new String(out);
    }

    /** {@code content} without a leading BOM and with LF line endings only. */
    public static String normalise(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (text.indexOf('\r') < 0) return text;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
