package dev.migrate.dialect;

import dev.migrate.MigrateException;
import dev.migrate.sql.DialectNames;

/** A dialect name that is none of {@link DialectNames#ALL}. */
public class UnknownDialect extends MigrateException {
    public UnknownDialect(String name) {
        super("unknown dialect '" + name + "' (expected one of: " + String.join(", ", DialectNames.ALL) + ")");
    }
}
