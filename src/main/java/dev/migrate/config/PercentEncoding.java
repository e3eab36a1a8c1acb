package dev.migrate.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-encoding as RFC 3986 has it, which every flavor's URL and the {@code url:} setting use. */
public final class PercentEncoding {
    private PercentEncoding() {
    }

    /**
     * {@code text} decoded: unlike form decoding, {@code +} stays a plus; {@code masked} is the URL
     * without its password, for the message about a broken escape.
     */
    public static String decode(String text, String masked) {
        if (text.indexOf('%') < 0) return text;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            int pct = text.indexOf('%', i);
            int end = pct < 0 ? text.length() : pct;
            byte[] plain = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
            bytes.write(plain, 0, plain.length);
            if (pct < 0) break;
            int hi = pct + 2 < text.length() ? Character.digit(text.charAt(pct + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(text.charAt(pct + 2), 16) : -1;
            if (lo < 0) throw new InvalidUrlException("invalid %-escape in database URL " + masked);
            bytes.write(hi * 16 + lo);
            i = pct + 3;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@code value} with everything but RFC 3986's unreserved characters percent-encoded. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
