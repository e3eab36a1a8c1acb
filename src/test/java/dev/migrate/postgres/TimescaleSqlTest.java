package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.Operation;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.Statement;
import dev.migrate.yaml.YamlReader;

/** The exact PostgreSQL SQL of the TimescaleDB operations, each behind its extension guard. */
class TimescaleSqlTest {
    private static List<Statement> statements(String yaml) {
        List<Statement> out = new ArrayList<>();
        for (Operation op : OperationParser.parse(YamlReader.read(yaml, "v1.yaml"))) {
            out.addAll(PostgresDialect.INSTANCE.render(op));
        }
        return out;
    }

    /** The statements after each operation's guard, which {@link #guardNamesTheOperationFileLineAndTheFix} checks. */
    private static List<String> sql(String yaml) {
        List<String> out = new ArrayList<>();
        for (Statement s : statements(yaml)) {
            if (!s.sql().contains("FROM pg_extension WHERE extname = 'timescaledb'")) out.add(s.sql());
        }
        return out;
    }

    @Test
    void guardNamesTheOperationFileLineAndTheFix() {
        List<Statement> out = statements("""
                - create_table: {table: metrics, columns: [{name: time, type: timestamptz}]}
                - create_hypertable: {table: metrics, time_column: time}
                """);
        assertEquals(3, out.size());
        assertEquals("""
                DO $migrate$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
                        RAISE EXCEPTION 'v1.yaml:2: operation ''create_hypertable'' needs the TimescaleDB extension, \
                which is not installed in this database. Install TimescaleDB on the server, add it to postgresql.conf \
                (shared_preload_libraries = ''timescaledb'') and restart PostgreSQL, then run CREATE EXTENSION \
                timescaledb in this database, or add ''- create_extension: {name: timescaledb}'' before this operation';
                    END IF;
                END
                $migrate$""", out.get(1).sql());
        assertEquals(2, out.get(1).line());
        assertEquals(2, out.get(2).line());
        assertEquals(false, out.get(1).runsAlone());
    }

    @Test
    void createHypertableUsesTheNamedArgumentFormEvery2xAccepts() {
        assertEquals(List.of("SELECT create_hypertable('metrics', time_column_name => 'time')",
                "SELECT create_hypertable('app.\"Metrics\"', time_column_name => 'Time', partitioning_column =>"
                        + " 'device_id', number_partitions => 4, chunk_time_interval => INTERVAL '1 day',"
                        + " create_default_indexes => FALSE, if_not_exists => TRUE, migrate_data => TRUE)",
                "SELECT create_hypertable('events', time_column_name => 'ts', chunk_time_interval => 86400000)",
                "SELECT create_hypertable('e2', time_column_name => 'ts', chunk_time_interval => INTERVAL '1 hour',"
                        + " create_default_indexes => TRUE)"), sql("""
                - create_hypertable: {table: metrics, time_column: time}
                - create_hypertable:
                    table: app.Metrics
                    time_column: Time
                    chunk_time_interval: 1 day
                    partitioning_column: device_id
                    number_partitions: 4
                    if_not_exists: true
                    migrate_data: true
                    create_default_indexes: false
                - create_hypertable: {table: events, time_column: ts, chunk_time_interval: 86400000}
                - create_hypertable: {table: e2, time_column: ts, chunk_time_interval: "sql(INTERVAL '1 hour')", create_default_indexes: true}
                """));
    }

    @Test
    void chunkIntervalCompressionAndPolicies() {
        assertEquals(List.of("SELECT set_chunk_time_interval('metrics', INTERVAL '7 days')",
                "ALTER TABLE metrics SET (timescaledb.compress, timescaledb.compress_segmentby = 'device_id, \"Site\"',"
                        + " timescaledb.compress_orderby = 'time DESC, id')",
                "ALTER TABLE metrics SET (timescaledb.compress)",
                "ALTER TABLE metrics SET (timescaledb.compress = false)",
                "SELECT add_compression_policy('metrics', INTERVAL '7 days', if_not_exists => TRUE)",
                "SELECT add_compression_policy('ticks', 100000)",
                "SELECT remove_compression_policy('metrics', if_exists => TRUE)",
                "SELECT remove_compression_policy('metrics')",
                "SELECT add_retention_policy('metrics', INTERVAL '90 days')",
                "SELECT add_retention_policy('metrics', INTERVAL '1 year', if_not_exists => TRUE)",
                "SELECT remove_retention_policy('metrics')",
                "SELECT remove_retention_policy('metrics', if_exists => TRUE)"), sql("""
                - set_chunk_time_interval: {table: metrics, chunk_time_interval: 7 days}
                - enable_compression: {table: metrics, segment_by: [device_id, Site], order_by: [time DESC, id]}
                - enable_compression: {table: metrics}
                - disable_compression: {table: metrics}
                - add_compression_policy: {table: metrics, compress_after: 7 days, if_not_exists: true}
                - add_compression_policy: {table: ticks, compress_after: 100000}
                - remove_compression_policy: {table: metrics, if_exists: true}
                - remove_compression_policy: {table: metrics}
                - add_retention_policy: {table: metrics, drop_after: 90 days}
                - add_retention_policy: {table: metrics, drop_after: 1 year, if_not_exists: true}
                - remove_retention_policy: {table: metrics}
                - remove_retention_policy: {table: metrics, if_exists: true}
                """));
    }

    @Test
    void continuousAggregates() {
        assertEquals(List.of("""
                CREATE MATERIALIZED VIEW metrics_hourly WITH (timescaledb.continuous) AS
                SELECT time_bucket('1 hour', time) AS bucket, avg(v) FROM metrics GROUP BY bucket
                WITH NO DATA""",
                "SELECT add_continuous_aggregate_policy('metrics_hourly', start_offset => INTERVAL '1 month',"
                        + " end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '1 hour')",
                "DROP MATERIALIZED VIEW IF EXISTS metrics_hourly",
                "DROP MATERIALIZED VIEW daily"), sql("""
                - create_continuous_aggregate:
                    name: metrics_hourly
                    query: |
                      SELECT time_bucket('1 hour', time) AS bucket, avg(v) FROM metrics GROUP BY bucket;
                    refresh_policy: {start_offset: 1 month, end_offset: 1 hour, schedule_interval: 1 hour}
                - drop_continuous_aggregate: {name: metrics_hourly, if_exists: true}
                - drop_continuous_aggregate: {name: daily}
                """));
    }

    @Test
    void fillingAContinuousAggregateRunsAloneOutsideTheTransaction() {
        List<Statement> out = statements("""
                - create_continuous_aggregate:
                    name: d
                    query: SELECT 1
                    with_data: true
                    refresh_policy: {start_offset: null, end_offset: "sql(INTERVAL '1 hour')", schedule_interval: 30 minutes}
                - refresh_continuous_aggregate: {name: metrics_hourly, window_start: 2020-01-01, window_end: null}
                - refresh_continuous_aggregate: {name: metrics_hourly, window_start: "sql(now() - INTERVAL '1 week')"}
                - create_continuous_aggregate: {name: e, query: SELECT 1}
                """);
        List<String> alone = new ArrayList<>();
        for (Statement s : out) alone.add((s.runsAlone() ? "alone: " : "") + (s.sql().startsWith("DO ") ? "guard" : s.sql()));
        assertEquals(List.of("guard", "alone: CREATE MATERIALIZED VIEW d WITH (timescaledb.continuous) AS\nSELECT 1\nWITH DATA",
                "SELECT add_continuous_aggregate_policy('d', start_offset => NULL, end_offset => INTERVAL '1 hour',"
                        + " schedule_interval => INTERVAL '30 minutes')",
                "guard", "alone: CALL refresh_continuous_aggregate('metrics_hourly', '2020-01-01', NULL)",
                "guard", "alone: CALL refresh_continuous_aggregate('metrics_hourly', now() - INTERVAL '1 week', NULL)",
                "guard", "CREATE MATERIALIZED VIEW e WITH (timescaledb.continuous) AS\nSELECT 1\nWITH NO DATA"), alone);
    }
}
