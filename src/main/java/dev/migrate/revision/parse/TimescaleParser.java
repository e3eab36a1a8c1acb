package dev.migrate.revision.parse;

import static dev.migrate.revision.parse.OperationParser.checkFields;
import static dev.migrate.yaml.Fields.names;
import static dev.migrate.yaml.Fields.optionalText;
import static dev.migrate.yaml.Fields.required;
import static dev.migrate.yaml.Fields.requiredText;

import java.util.List;

import dev.migrate.ops.AddCompressionPolicy;
import dev.migrate.ops.AddRetentionPolicy;
import dev.migrate.ops.CreateContinuousAggregate;
import dev.migrate.ops.CreateHypertable;
import dev.migrate.ops.DisableCompression;
import dev.migrate.ops.DropContinuousAggregate;
import dev.migrate.ops.EnableCompression;
import dev.migrate.ops.Operation;
import dev.migrate.ops.RefreshContinuousAggregate;
import dev.migrate.ops.RefreshPolicy;
import dev.migrate.ops.RemoveCompressionPolicy;
import dev.migrate.ops.RemoveRetentionPolicy;
import dev.migrate.ops.SetChunkTimeInterval;
import dev.migrate.ops.Source;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.Values;

/** Reads the TimescaleDB operations (README, "YAML revisions"). */
final class TimescaleParser {
    static final List<String> KINDS = List.of("create_hypertable", "set_chunk_time_interval", "enable_compression",
            "disable_compression", "add_compression_policy", "remove_compression_policy", "add_retention_policy",
            "remove_retention_policy", "create_continuous_aggregate", "drop_continuous_aggregate",
            "refresh_continuous_aggregate");
    private static final List<String> POLICY_FIELDS = List.of("start_offset", "end_offset", "schedule_interval");

    private TimescaleParser() {
    }

    /** The operation {@code kind}, one of {@link #KINDS}, from the fields of {@code body}. */
    static Operation parse(String kind, Source at, Node body, String what) {
        switch (kind) {
            case "create_hypertable":
                return createHypertable(at, body, what);
            case "set_chunk_time_interval":
                checkFields(body, what, List.of("table", "chunk_time_interval", "existing_chunk_time_interval"));
                return new SetChunkTimeInterval(at, requiredText(body, "table", what),
                        time(body, "chunk_time_interval", what), Values.of(body.get("existing_chunk_time_interval")));
            case "enable_compression":
            case "disable_compression": {
                checkFields(body, what, List.of("table", "segment_by", "order_by"));
                String table = requiredText(body, "table", what);
                List<String> segmentBy = names(body, "segment_by", what, false);
                List<String> orderBy = names(body, "order_by", what, false);
                return kind.equals("enable_compression") ? new EnableCompression(at, table, segmentBy, orderBy)
                        : new DisableCompression(at, table, segmentBy, orderBy);
            }
            case "add_compression_policy":
                checkFields(body, what, List.of("table", "compress_after", "if_not_exists"));
                return new AddCompressionPolicy(at, requiredText(body, "table", what), time(body, "compress_after", what),
                        body.get("if_not_exists").asBoolean(false));
            case "remove_compression_policy":
                checkFields(body, what, List.of("table", "if_exists", "compress_after"));
                return new RemoveCompressionPolicy(at, requiredText(body, "table", what),
                        body.get("if_exists").asBoolean(false), Values.of(body.get("compress_after")));
            case "add_retention_policy":
                checkFields(body, what, List.of("table", "drop_after", "if_not_exists"));
                return new AddRetentionPolicy(at, requiredText(body, "table", what), time(body, "drop_after", what),
                        body.get("if_not_exists").asBoolean(false));
            case "remove_retention_policy":
                checkFields(body, what, List.of("table", "if_exists", "drop_after"));
                return new RemoveRetentionPolicy(at, requiredText(body, "table", what),
                        body.get("if_exists").asBoolean(false), Values.of(body.get("drop_after")));
            case "create_continuous_aggregate":
                checkFields(body, what, List.of("name", "query", "with_data", "refresh_policy"));
                return new CreateContinuousAggregate(at, requiredText(body, "name", what),
                        PostgresObjectParser.query(body, what), body.get("with_data").asBoolean(false), policy(body, what));
            case "drop_continuous_aggregate":
                checkFields(body, what, List.of("name", "if_exists", "query", "with_data", "refresh_policy"));
                return new DropContinuousAggregate(at, requiredText(body, "name", what),
                        body.get("if_exists").asBoolean(false),
                        body.has("query") ? PostgresObjectParser.query(body, what) : null,
                        body.get("with_data").asBoolean(false), policy(body, what));
            default:
                checkFields(body, what, List.of("name", "window_start", "window_end"));
                return new RefreshContinuousAggregate(at, requiredText(body, "name", what),
                        Values.of(body.get("window_start")), Values.of(body.get("window_end")));
        }
    }

    private static Operation createHypertable(Source at, Node body, String what) {
        checkFields(body, what, List.of("table", "time_column", "chunk_time_interval", "partitioning_column",
                "number_partitions", "if_not_exists", "migrate_data", "create_default_indexes"));
        String partitioningColumn = optionalText(body, "partitioning_column");
        Integer partitions = body.get("number_partitions").isNull() ? null : body.get("number_partitions").asInt(0);
        if ((partitioningColumn == null) != (partitions == null)) {
            throw body.error(what + ": partitioning_column and number_partitions go together");
        }
        if (partitions != null && partitions < 1) {
            throw body.get("number_partitions").error(what + ": number_partitions must be at least 1");
        }
        Node indexes = body.get("create_default_indexes");
        return new CreateHypertable(at, requiredText(body, "table", what), requiredText(body, "time_column", what),
                Values.of(body.get("chunk_time_interval")), partitioningColumn, partitions,
                body.get("if_not_exists").asBoolean(false), body.get("migrate_data").asBoolean(false),
                indexes.isNull() ? null : indexes.asBoolean(true));
    }

    /**
     * The optional {@code refresh_policy: {start_offset, end_offset, schedule_interval}}. All three
     * must be written, as add_continuous_aggregate_policy requires them; a null offset is an open end.
     */
    private static RefreshPolicy policy(Node body, String what) {
        Node policy = body.get("refresh_policy");
        if (policy.isNull()) return null;
        if (!policy.isMap()) throw policy.error(what + ": refresh_policy is a mapping of " + String.join(", ", POLICY_FIELDS));
        policy.checkKeys("refresh_policy", POLICY_FIELDS);
        for (String field : POLICY_FIELDS) {
            if (!policy.has(field)) throw policy.error("refresh_policy needs field '" + field + "' (null for an open end)");
        }
        return new RefreshPolicy(Values.of(policy.get("start_offset")), Values.of(policy.get("end_offset")),
                time(policy, "schedule_interval", "refresh_policy"));
    }

    /** A required duration: a number for integer time columns, text such as {@code 7 days}, or {@code sql(...)}. */
    private static Object time(Node body, String field, String what) {
        Node value = required(body, field, what);
        if (!value.isScalar()) throw value.error(what + ": " + field + " is a duration such as '7 days' or a number");
        return Values.of(value);
    }
}
