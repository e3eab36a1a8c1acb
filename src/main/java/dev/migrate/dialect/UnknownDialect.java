package dev.migrate.dialect;

import dev.migrate.MigrateException;

/** A dialect name that is neither postgresql nor sqlite. */
public class UnknownDialect extends MigrateException {
    public UnknownDialect(String name) {
        super("unknown dialect '" + name + "' (expected one of: postgresql, sqlite)");
    }
}
