package dev.migrate.sql;

import dev.migrate.MigrateException;

/** A dialect name that is none of {@link DialectNames#ALL}. */
public class UnknownDialect extends MigrateException {
    public UnknownDialect(String name) {
        super("unknown dialect '" + name + "' (expected one of: " + String.join(", ", DialectNames.ALL) + ")");
    }
}
