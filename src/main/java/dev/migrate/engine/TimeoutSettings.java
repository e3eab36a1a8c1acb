package dev.migrate.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.config.DdlLockSettings;
import dev.migrate.dialect.Dialect;

/**
 * The statements that put {@code ddl_lock_timeout} and {@code statement_timeout} in force on
 * PostgreSQL, the same for the online run and the offline script. Inside a transaction they are
 * {@code SET LOCAL}, so nothing outlives the revision's transaction (the migration lock's own wait
 * must not inherit them); a revision outside a transaction sets them on the session and resets
 * them afterwards. On SQLite there are none: it has no lock queue of this kind.
 */
public final class TimeoutSettings {
    private final DdlLockSettings settings;
    /** Whether the database can limit lock waits at all (PostgreSQL); where it cannot, nothing is set. */
    private final boolean applies;

    public TimeoutSettings(DdlLockSettings settings, Dialect dialect) {
        this.settings = settings;
        this.applies = dialect.limitsLockWaits();
    }

    public DdlLockSettings settings() {
        return settings;
    }

    /** Whether anything is set at all. */
    public boolean active() {
        return applies && (settings.limitsLockWaits() || settings.limitsStatements());
    }

    /** Right after BEGIN: the limits for this transaction only. */
    public List<String> local() {
        return set("SET LOCAL ");
    }

    /** Before the statements of a revision that runs outside a transaction. */
    public List<String> session() {
        return set("SET ");
    }

    /** After a revision that ran outside a transaction, also when it failed. */
    public List<String> reset() {
        List<String> out = new ArrayList<>();
        if (!applies) return out;
        if (settings.limitsLockWaits()) out.add("RESET lock_timeout");
        if (settings.limitsStatements()) out.add("RESET statement_timeout");
        return out;
    }

    private List<String> set(String verb) {
        List<String> out = new ArrayList<>();
        if (!applies) return out;
        if (settings.limitsLockWaits()) out.add(verb + "lock_timeout = '" + value(settings.lockTimeout()) + "'");
        if (settings.limitsStatements()) out.add(verb + "statement_timeout = '" + value(settings.statementTimeout()) + "'");
        return out;
    }

    /** In a unit PostgreSQL reads (it has no {@code m} for minutes): whole seconds, else milliseconds. */
    static String value(Duration d) {
        long ms = Math.max(1, d.toMillis());
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
