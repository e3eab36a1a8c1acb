package dev.migrate.sqlite;

import dev.migrate.engine.Database;

/** One short SQLite session in a process of its own, as one `migrate` run against SQLite opens it. */
public final class SqliteOnce {
    private SqliteOnce() {
    }

    public static void main(String[] args) {
        Database db = SqliteDatabase.open(args[0], "sqlite:///" + args[0]).await().indefinitely();
        db.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER)").await().indefinitely();
        db.close().await().indefinitely();
        System.out.println(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
    }
}
