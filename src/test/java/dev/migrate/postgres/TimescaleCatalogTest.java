package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.schema.Compression;
import dev.migrate.schema.Hypertable;

/**
 * TimescaleDB is not installed on the test server, so the mapping of its information views is
 * tested with the rows those views give (as documented for TimescaleDB 2.x), as data.
 */
class TimescaleCatalogTest {
    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    private static final List<List<String>> ROWS = List.of(
            row("dimension", "public", "metrics", "time", "Time", "7 days", null, "1"),
            row("dimension", "public", "metrics", "device_id", "Space", null, "4", "2"),
            row("hypertable", "public", "metrics", null, "true", null, null, null),
            row("compression", "public", "metrics", "device_id", "1", null, null, null),
            row("compression", "public", "metrics", "time", null, "1", "false", "true"),
            row("compression", "public", "metrics", "seq", null, "2", "true", "true"),
            row("compression", "public", "metrics", "tag", "2", null, null, null),
            row("policy", "public", "metrics", "policy_compression", "30 days", null, null, null),
            row("policy", "public", "metrics", "policy_retention", null, "1 year", null, null),
            row("dimension", "iot", "events", "at", "Time", "1000", null, "1"),
            row("hypertable", "iot", "events", null, "false", null, null, null),
            row("policy", "iot", "events", "policy_retention", null, "100000", null, null),
            row("dimension", "_timescaledb_internal", "_materialized_hypertable_3", "bucket", "Time", "70 days", null, "1"),
            row("hypertable", "_timescaledb_internal", "_materialized_hypertable_3", null, "false", null, null, null),
            row("continuous_aggregate", "public", "metrics_daily", null, null, null, null, null),
            row("hypertable", "public", "plain", null, "true", null, null, null));

    private static String name(String schema, String table) {
        if (schema.startsWith("_timescaledb")) return null;
        return schema.equals("public") ? table : schema + "." + table;
    }

    @Test
    void hypertablesCompressionAndPoliciesComeFromTheInformationViews() {
        TimescaleCatalog.Result result = TimescaleCatalog.read(ROWS, TimescaleCatalogTest::name);
        assertEquals(List.of(
                new Hypertable("metrics", "time", "7 days", "device_id", 4,
                        new Compression(List.of("device_id", "tag"), List.of("time DESC", "seq NULLS FIRST"), "30 days"), "1 year"),
                new Hypertable("iot.events", "at", 1000L, null, null, null, 100000L)), result.hypertables());
        assertEquals(Set.of("metrics_daily"), result.continuousAggregates());
    }

    @Test
    void nullOrderIsNamedOnlyWhereItIsNotTheDirectionsDefault() {
        TimescaleCatalog.Result result = TimescaleCatalog.read(List.of(
                row("dimension", "public", "m", "t", "Time", "1 day", null, "1"),
                row("hypertable", "public", "m", null, "true", null, null, null),
                row("compression", "public", "m", "a", null, "1", "true", "false"),
                row("compression", "public", "m", "b", null, "2", "false", "false"),
                row("compression", "public", "m", "c", null, "3", "false", "true")), TimescaleCatalogTest::name);
        assertEquals(List.of("a", "b DESC NULLS LAST", "c DESC"), result.hypertables().get(0).compression().orderBy());
    }

    @Test
    void theQueryReadsOnlyTheInformationViews() {
        for (String view : List.of("dimensions", "hypertables", "compression_settings", "jobs", "continuous_aggregates")) {
            assertTrue(TimescaleCatalog.QUERY.contains("timescaledb_information." + view), view);
        }
        assertTrue(!TimescaleCatalog.QUERY.contains("_timescaledb_catalog"));
    }
}
