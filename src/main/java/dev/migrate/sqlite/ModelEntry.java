package dev.migrate.sqlite;

/** One object of the modelled {@code sqlite_master}; its text is unknown while {@link #unknown} says why. */
final class ModelEntry {
    /** Why an object's text is not known: the revision (file:line) that changed it, and how. */
    record Unknown(String origin, String reason) {
    }

    final String type;
    String name;
    String table;
    String sql;
    Unknown unknown;

    ModelEntry(String type, String name, String table, String sql) {
        this.type = type;
        this.name = name;
        this.table = table;
        this.sql = sql;
    }
}
