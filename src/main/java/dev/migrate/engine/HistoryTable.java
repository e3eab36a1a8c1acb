package dev.migrate.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.dialect.BookkeepingSql;
import dev.migrate.dialect.Dialect;
import io.smallrye.mutiny.Uni;

/**
 * The applied-migration log: one row per revision applied or reverted, with the checksum of its
 * file, when it started, how long it took, who ran it and with which version of the tool. Rows
 * are only ever added, inside the transaction of the step they describe, so the log holds exactly
 * the steps that committed. {@code validate} and {@code upgrade} compare its checksums with the
 * files to find a revision edited after it was applied.
 */
public final class HistoryTable {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "id, revision, direction, checksum, %s, duration_ms, db_user, tool_version, message";

    private final String schema;
    private final String name;
    private final String toolVersion;
    private final Dialect dialect;

    /** {@code toolVersion} is written into every row this instance records; {@code dialect} writes its SQL. */
    public HistoryTable(String schema, String name, String toolVersion, Dialect dialect) {
        this.schema = schema;
        this.name = name;
        this.toolVersion = toolVersion;
        this.dialect = dialect;
    }

    public String name() {
        return name;
    }

    /** The table's name as written in SQL, schema-qualified when one is configured. */
    public String qualifiedName() {
        return VersionTable.qualified(dialect, schema, name);
    }

    /** The DDL, in this table's dialect. */
    public String createSql() {
        BookkeepingSql sql = dialect.bookkeeping();
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " ("
                + sql.historyIdColumn()
                + ", revision VARCHAR(32) NOT NULL"
                + ", direction VARCHAR(9) NOT NULL CHECK (direction IN ('upgrade', 'downgrade'))"
                + ", checksum VARCHAR(64) NOT NULL"
                + ", started_at " + sql.timestampType() + " NOT NULL"
                + ", duration_ms " + sql.bigintType() + " NOT NULL"
                + ", db_user TEXT"
                + ", tool_version TEXT"
                + ", message TEXT)";
    }

    public Uni<Boolean> exists(Database db) {
        return db.tableExists(schema, name);
    }

    /** Creates the table unless it exists (IF NOT EXISTS still covers a concurrent creator). */
    public Uni<Void> create(Database db) {
        return exists(db).flatMap(exists -> exists ? Uni.createFrom().voidItem()
                : db.execute(createSql()).replaceWithVoid());
    }

    /**
     * The statement that logs one step. The user is the database role on PostgreSQL; SQLite has
     * none, so the operating-system user stands in.
     */
    public String insertSql(String revision, boolean upgrade, String checksum, String message,
                            Instant startedAt, long durationMs) {
        BookkeepingSql sql = dialect.bookkeeping();
        return insert(revision, upgrade, checksum, message, sql.timestamp(VersionTable.literal(UTC.format(startedAt))),
                String.valueOf(durationMs), sql.runBy(nullable(osUser())));
    }

    /**
     * The statement that logs one step in an offline script, where nothing is known until the script
     * runs: the server's clock gives the start (in the format {@link #insertSql} writes), PostgreSQL
     * gives the role and SQLite none, and the duration is written as 0. The table's own dialect
     * writes it: {@code dialect}, its name, is what the offline runner passes and must be the same.
     */
    public String offlineInsertSql(String dialect, String revision, boolean upgrade, String checksum, String message) {
        BookkeepingSql sql = this.dialect.bookkeeping();
        return insert(revision, upgrade, checksum, message, sql.now(), "0", sql.runBy("NULL"));
    }

    /** {@code startedAt}, {@code durationMs} and {@code user} are SQL. */
    private String insert(String revision, boolean upgrade, String checksum, String message, String startedAt,
                          String durationMs, String user) {
        return "INSERT INTO " + qualifiedName()
                + " (revision, direction, checksum, started_at, duration_ms, db_user, tool_version, message) VALUES ("
                + VersionTable.literal(revision) + ", "
                + VersionTable.literal(upgrade ? HistoryEntry.UPGRADE : HistoryEntry.DOWNGRADE) + ", "
                + VersionTable.literal(checksum) + ", "
                + startedAt + ", "
                + durationMs + ", "
                + user + ", "
                + nullable(toolVersion) + ", "
                + nullable(message) + ")";
    }

    /**
     * The statement that logs one step whose start and duration the server measures: {@code startedAt}
     * is a SQL expression for when the step began ({@code now()} is the start of the transaction), and
     * the duration runs until this row is written. For statements sent all at once, before their
     * duration is known. PostgreSQL only.
     */
    public String insertSqlTimedByServer(String revision, boolean upgrade, String checksum, String message, String startedAt) {
        return insert(revision, upgrade, checksum, message, startedAt,
                "(extract(epoch FROM clock_timestamp() - " + startedAt + ") * 1000)::bigint", "current_user");
    }

    /** Every row, newest first; an absent table means an empty log. */
    public Uni<List<HistoryEntry>> entries(Database db) {
        return whenPresent(db, "SELECT " + columns() + " FROM " + qualifiedName() + " ORDER BY id DESC");
    }

    /**
     * For each revision whose latest row is an upgrade (applied, and not reverted since), that row,
     * oldest first: the checksums to compare with the files, in one query.
     */
    public Uni<List<HistoryEntry>> applied(Database db) {
        String table = qualifiedName();
        return whenPresent(db, "SELECT " + columns() + " FROM " + table + " h WHERE direction = 'upgrade'"
                + " AND id = (SELECT MAX(l.id) FROM " + table + " l WHERE l.revision = h.revision) ORDER BY id");
    }

    /**
     * The rows of {@code sql}; a missing table means an empty log. On SQLite one query, whose "no
     * such table" is the answer; on PostgreSQL, which would log that as an ERROR in the server's log
     * (on every fresh database), asking first whether the table exists. Only runs that change the
     * database read the log, so the no-op run keeps its one query.
     */
    private Uni<List<HistoryEntry>> whenPresent(Database db, String sql) {
        Uni<List<HistoryEntry>> read = db.query(sql).map(HistoryTable::entries)
                .onFailure(e -> e instanceof StatementFailed && ((StatementFailed) e).missingTable())
                .recoverWithItem(List.of());
        return dialect.bookkeeping().logsMissingTable() ? exists(db).flatMap(present -> present ? read : Uni.createFrom().item(List.of())) : read;
    }

    /** The select list, with started_at read back in the format it was written on both dialects. */
    private String columns() {
        return String.format(COLUMNS, dialect.bookkeeping().timestampText("started_at"));
    }

    private static List<HistoryEntry> entries(List<List<String>> rows) {
        List<HistoryEntry> out = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            out.add(new HistoryEntry(Long.parseLong(r.get(0)), r.get(1), r.get(2), r.get(3), r.get(4),
                    Long.parseLong(r.get(5)), r.get(6), r.get(7), r.get(8)));
        }
        return out;
    }

    private static String nullable(String value) {
        return value == null ? "NULL" : VersionTable.literal(value);
    }

    /** The operating-system user, as the environment names it (Unix, then Windows), else as Java knows it. */
    static String osUser() {
        String user = System.getenv("USER");
        if (user == null || user.isEmpty()) user = System.getenv("USERNAME");
        if (user == null || user.isEmpty()) user = System.getProperty("user.name");
        return user;
    }
}
