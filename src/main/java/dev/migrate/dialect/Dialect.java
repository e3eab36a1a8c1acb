package dev.migrate.dialect;

/** The SQL flavour of a database: how identifiers, literals and each operation are written. */
public interface Dialect {
    /** {@code postgresql} or {@code sqlite}: the name used in URLs and in dialect-restricted sections. */
    String name();
}
