package dev.migrate.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

import dev.migrate.inspect.Literals;
import dev.migrate.schema.Compression;
import dev.migrate.schema.Hypertable;

/**
 * TimescaleDB's hypertables, their compression and their policies, read from the
 * {@code timescaledb_information} views that every 2.x release keeps (dimensions, hypertables,
 * compression_settings, jobs, continuous_aggregates) in one query of tagged rows. It is only sent
 * when the extension is installed, which the extensions query already says, so an inspection
 * sends a fixed number of queries either way.
 */
final class TimescaleCatalog {
    /** tag, schema, table, then four values whose meaning depends on the tag. */
    static final String QUERY = "SELECT 'dimension', hypertable_schema::text, hypertable_name::text, column_name::text,"
            + " dimension_type::text, coalesce(time_interval::text, integer_interval::text), num_partitions::text,"
            + " dimension_number::text FROM timescaledb_information.dimensions"
            + " UNION ALL SELECT 'hypertable', hypertable_schema::text, hypertable_name::text, NULL,"
            + " compression_enabled::text, NULL, NULL, NULL FROM timescaledb_information.hypertables"
            + " UNION ALL SELECT 'compression', hypertable_schema::text, hypertable_name::text, attname::text,"
            + " segmentby_column_index::text, orderby_column_index::text, orderby_asc::text, orderby_nullsfirst::text"
            + " FROM timescaledb_information.compression_settings"
            + " UNION ALL SELECT 'policy', hypertable_schema::text, hypertable_name::text, proc_name::text,"
            + " config->>'compress_after', config->>'drop_after', NULL, NULL FROM timescaledb_information.jobs"
            + " WHERE proc_name IN ('policy_compression', 'policy_retention')"
            + " UNION ALL SELECT 'continuous_aggregate', view_schema::text, view_name::text, NULL, NULL, NULL, NULL, NULL"
            + " FROM timescaledb_information.continuous_aggregates";

    /**
     * What the rows say.
     *
     * @param continuousAggregates the views that are continuous aggregates (by qualified name): TimescaleDB's, not plain views
     */
    record Result(List<Hypertable> hypertables, Set<String> continuousAggregates) {
    }

    /** One hypertable while its rows are gathered. */
    private static final class Draft {
        String timeColumn;
        Object interval;
        String partitioningColumn;
        Integer partitions;
        boolean compressed;
        final Map<Integer, String> segmentBy = new TreeMap<>();
        final Map<Integer, String> orderBy = new TreeMap<>();
        Object compressAfter;
        Object dropAfter;
    }

    private TimescaleCatalog() {
    }

    /**
     * The hypertables of {@code rows} (from {@link #QUERY}); {@code name} gives a table's name in
     * the schema from its schema and name, or null for a table that is not inspected.
     */
    static Result read(List<List<String>> rows, BinaryOperator<String> name) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Set<String> aggregates = new LinkedHashSet<>();
        for (List<String> row : rows) {
            String table = name.apply(row.get(1), row.get(2));
            if (table == null) continue;
            String tag = row.get(0);
            if (tag.equals("continuous_aggregate")) {
                aggregates.add(table);
                continue;
            }
            Draft d = drafts.computeIfAbsent(table, t -> new Draft());
            switch (tag) {
                case "dimension":
                    if ("Time".equalsIgnoreCase(row.get(4))) {
                        d.timeColumn = row.get(3);
                        d.interval = duration(row.get(5));
                    } else if (d.partitioningColumn == null) {
                        d.partitioningColumn = row.get(3);
                        d.partitions = row.get(6) == null ? null : Integer.valueOf(row.get(6));
                    }
                    break;
                case "hypertable":
                    d.compressed = "true".equals(row.get(4));
                    break;
                case "compression":
                    if (row.get(4) != null) d.segmentBy.put(Integer.valueOf(row.get(4)), row.get(3));
                    if (row.get(5) != null) {
                        d.orderBy.put(Integer.valueOf(row.get(5)), orderKey(row.get(3), row.get(6), row.get(7)));
                    }
                    break;
                default:
                    if ("policy_compression".equals(row.get(3))) d.compressAfter = duration(row.get(4));
                    else d.dropAfter = duration(row.get(5));
            }
        }
        List<Hypertable> out = new ArrayList<>();
        drafts.forEach((table, d) -> {
            if (d.timeColumn == null) return;
            Compression compression = d.compressed || d.compressAfter != null
                    ? new Compression(new ArrayList<>(d.segmentBy.values()), new ArrayList<>(d.orderBy.values()), d.compressAfter)
                    : null;
            out.add(new Hypertable(table, d.timeColumn, d.interval, d.partitioningColumn,
                    d.partitioningColumn == null ? null : d.partitions, compression, d.dropAfter));
        });
        return new Result(out, aggregates);
    }

    /** {@code column [DESC] [NULLS FIRST|LAST]}, naming the null order only where it is not the direction's default. */
    private static String orderKey(String column, String asc, String nullsFirst) {
        boolean ascending = !"false".equals(asc);
        boolean first = "true".equals(nullsFirst);
        String key = ascending ? column : column + " DESC";
        if (ascending && first) key += " NULLS FIRST";
        if (!ascending && !first) key += " NULLS LAST";
        return key;
    }

    /** A duration as a file writes it: a number for integer time columns, else the interval's text ({@code 7 days}). */
    private static Object duration(String text) {
        if (text == null) return null;
        Object n = Literals.number(text);
        return n != null ? n : text;
    }
}
