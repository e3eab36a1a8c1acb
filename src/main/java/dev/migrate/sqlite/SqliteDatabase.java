package dev.migrate.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.migrate.errors.ConnectionFailed;
import dev.migrate.engine.Database;
import dev.migrate.engine.StatementFailed;
import io.smallrye.mutiny.Uni;

/**
 * SQLite through blocking JDBC. Every call runs on one worker thread of its own, so the caller's
 * thread (an event loop included) never blocks and the single connection is never shared
 * between threads at once. The connection stays in autocommit: the runner sends BEGIN and COMMIT
 * itself, exactly as it would print them for offline SQL.
 */
public final class SqliteDatabase implements Database {
    private final Connection connection;
    private final String description;
    private final ExecutorService worker;

    private SqliteDatabase(Connection connection, String description, ExecutorService worker) {
        this.connection = connection;
        this.description = description;
        this.worker = worker;
    }

    /** Opens (and creates when missing) the database file; {@code path} ":memory:" gives a private in-memory one. */
    public static Uni<Database> open(String path, String description) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "migrate-sqlite");
            t.setDaemon(true);
            return t;
        });
        return Uni.createFrom().item(() -> {
            try {
                Properties props = new Properties();
                // A revision that violates a foreign key must fail like it would on PostgreSQL.
                props.setProperty("foreign_keys", "true");
                props.setProperty("busy_timeout", "10000");
                SqliteNativeLibrary.prepare();
                Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + path, props);
                if (c == null) throw new SQLException("the SQLite driver refused " + path);
                return (Database) new SqliteDatabase(c, description, worker);
            } catch (SQLException e) {
                worker.shutdown();
                throw new ConnectionFailed(description, e.getMessage(), e);
            }
        }).runSubscriptionOn(worker);
    }

    @Override
    public String dialectName() {
        return "sqlite";
    }

    @Override
    public String describe() {
        return description;
    }

    private <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (SQLException e) {
                throw new StatementFailed("SQLITE_" + e.getErrorCode(), cleanMessage(e), e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new StatementFailed(null, e.toString(), e);
            }
        }).runSubscriptionOn(worker);
    }

    /** The driver prefixes messages with "[SQLITE_ERROR] SQL error or missing database": keep the useful part. */
    private static String cleanMessage(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int i = m.indexOf("(");
        return m.startsWith("[") && i > 0 && m.endsWith(")") ? m.substring(i + 1, m.length() - 1) : m;
    }

    @Override
    public Uni<Integer> execute(String sql) {
        return blocking(() -> {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
                int count = st.getUpdateCount();
                return Math.max(count, 0);
            }
        });
    }

    @Override
    public Uni<List<List<String>>> query(String sql) {
        return blocking(() -> {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                List<List<String>> out = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) row.add(rs.getString(i));
                    out.add(row);
                }
                return out;
            }
        });
    }

    @Override
    public Uni<Boolean> tableExists(String schema, String table) {
        return blocking(() -> {
            String master = schema == null ? "sqlite_master" : quote(schema) + ".sqlite_master";
            try (var st = connection.prepareStatement("SELECT 1 FROM " + master + " WHERE type = 'table' AND name = ?")) {
                st.setString(1, table);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Stops the statement running now (it fails with SQLITE_INTERRUPT), from any thread: what an
     * interrupted run uses, since SQLite has no second session to cancel it from. Never fails.
     */
    public void interrupt() {
        try {
            connection.unwrap(org.sqlite.SQLiteConnection.class).getDatabase().interrupt();
        } catch (SQLException ignored) {
            // Closed already: nothing is running.
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public Uni<Void> close() {
        return Uni.createFrom().<Void>item(() -> {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing is best effort: the work is already committed or rolled back.
            }
            return null;
        }).runSubscriptionOn(worker).eventually(worker::shutdown);
    }
}
