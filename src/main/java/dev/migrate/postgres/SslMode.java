package dev.migrate.postgres;

import java.util.Locale;

/** libpq's {@code sslmode} values, with libpq's meaning; {@link #PREFER} is libpq's default. */
public enum SslMode {
    DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

    /** The spelling used in URLs and {@code PGSSLMODE}: {@code verify-ca}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The mode spelt {@code text}, or null when it is not one. */
    static SslMode fromText(String text) {
        for (SslMode m : values()) {
            if (m.text().equals(text)) return m;
        }
        return null;
    }

    static String accepted() {
        StringBuilder b = new StringBuilder();
        for (SslMode m : values()) b.append(b.length() == 0 ? "" : ", ").append(m.text());
        return b.toString();
    }
}
