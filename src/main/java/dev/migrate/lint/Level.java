package dev.migrate.lint;

import java.util.Locale;

/** How much a finding matters: an error makes {@code migrate lint} exit 3, a warning is only shown. */
public enum Level {
    ERROR, WARNING;

    /** The name as written in {@code migrate.yaml} and printed: {@code error}, {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
