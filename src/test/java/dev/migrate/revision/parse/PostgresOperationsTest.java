package dev.migrate.revision.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddCompressionPolicy;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AddRetentionPolicy;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateContinuousAggregate;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateHypertable;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateView;
import dev.migrate.ops.DisableCompression;
import dev.migrate.ops.DropContinuousAggregate;
import dev.migrate.ops.DropEnum;
import dev.migrate.ops.DropExtension;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropView;
import dev.migrate.ops.EnableCompression;
import dev.migrate.ops.Execute;
import dev.migrate.ops.OnlyOn;
import dev.migrate.ops.Operation;
import dev.migrate.ops.RefreshContinuousAggregate;
import dev.migrate.ops.RefreshPolicy;
import dev.migrate.ops.RemoveCompressionPolicy;
import dev.migrate.ops.RemoveRetentionPolicy;
import dev.migrate.ops.RenameEnumValue;
import dev.migrate.ops.ReplaceEnumValues;
import dev.migrate.ops.SetChunkTimeInterval;
import dev.migrate.ops.Source;
import dev.migrate.postgres.PostgresDialect;
import dev.migrate.revision.IrreversibleOperation;
import dev.migrate.revision.YamlBody;
import dev.migrate.sqlite.SqliteDialect;
import dev.migrate.yaml.SourceException;
import dev.migrate.yaml.YamlReader;

/** Parsing and inverting the enum, extension, view and TimescaleDB operations, and the dialect field. */
class PostgresOperationsTest {
    private static final Source AT = new Source("v1.yaml", 1);

    private static Operation one(String yaml) {
        List<Operation> ops = OperationParser.parse(YamlReader.read(yaml, "v1.yaml"));
        assertEquals(1, ops.size());
        return ops.get(0);
    }

    private static String error(String yaml) {
        return assertThrows(SourceException.class, () -> one(yaml)).getMessage();
    }

    private static Optional<Operation> inverse(String yaml) {
        return one(yaml).inverse();
    }

    @Test
    void fieldsBecomeRecords() {
        assertEquals(new CreateEnum(AT, "mood", "app", List.of("a", "b")),
                one("- create_enum: {name: mood, schema: app, values: [a, b]}"));
        assertEquals(new AddEnumValue(AT, "mood", null, "c", null, "b", true),
                one("- add_enum_value: {name: mood, value: c, after: b, if_not_exists: true}"));
        assertEquals(new CreateExtension(AT, "citext", null, null, true), one("- create_extension: {name: citext}"));
        assertEquals(new DropView(AT, "v", false, false, null, true), one("- drop_view: {name: v}"));
        assertEquals(new CreateHypertable(AT, "m", "t", "1 day", "d", 4, true, true, false), one("""
                - create_hypertable: {table: m, time_column: t, chunk_time_interval: 1 day, partitioning_column: d,
                    number_partitions: 4, if_not_exists: true, migrate_data: true, create_default_indexes: false}
                """));
        assertEquals(new CreateContinuousAggregate(AT, "c", "SELECT 1", false, new RefreshPolicy(null, 3600L, "1 hour")),
                one("""
                - create_continuous_aggregate:
                    name: c
                    query: SELECT 1;
                    refresh_policy: {start_offset: null, end_offset: 3600, schedule_interval: 1 hour}
                """));
        assertEquals(new RefreshContinuousAggregate(AT, "c", "2020-01-01", null),
                one("- refresh_continuous_aggregate: {name: c, window_start: 2020-01-01}"));
        ColumnType type = ((CreateTable) one("- create_table: {table: t, columns: [{name: m, type: enum(mood), values: [a]}]}"))
                .table().columns().get(0).type();
        assertEquals(List.of("a"), type.values());
        assertEquals("enum(mood)", type.toString());
    }

    @Test
    void dialectFieldRestrictsAnyOperation() {
        Operation op = one("- add_column: {table: t, column: {name: a, type: integer}, dialect: sqlite}");
        assertEquals(new OnlyOn(AT, "sqlite", new AddColumn(AT, "t",
                new Column("a", ColumnType.of(ColumnType.Kind.INTEGER), true, null, false, false, null, null))), op);
        assertEquals("add_column", op.kind());
        assertEquals(List.of(), PostgresDialect.INSTANCE.render(op));
        assertEquals(1, SqliteDialect.INSTANCE.render(op).size());
        assertEquals(new DropTable(AT, "t", null), ((OnlyOn) one("- drop_table: {table: t, dialect: postgresql}")).operation());
        assertEquals("v1.yaml:1: unknown dialect 'mysql' (expected one of: postgresql, sqlite)",
                error("- create_extension: {name: citext, dialect: mysql}"));
    }

    @Test
    void fieldErrorsNameFileAndLine() {
        assertEquals("v1.yaml:1: operation 'create_enum' needs field 'values'", error("- create_enum: {name: mood}"));
        assertEquals("v1.yaml:1: operation 'create_enum': 'values' must list at least one value",
                error("- create_enum: {name: mood, values: []}"));
        assertEquals("v1.yaml:1: operation 'replace_enum_values': 'values' lists a value twice",
                error("- replace_enum_values: {name: mood, values: [a, a]}"));
        assertEquals("v1.yaml:1: operation 'add_enum_value': give before or after, not both",
                error("- add_enum_value: {name: mood, value: c, before: a, after: b}"));
        assertEquals("v1.yaml:1: column 'm': values belong to an enum(NAME) column, not to text",
                error("- add_column: {table: t, column: {name: m, type: text, values: [a]}}"));
        assertEquals("v1.yaml:1: operation 'create_view': a materialized view cannot be created with or_replace",
                error("- create_view: {name: v, query: SELECT 1, materialized: true, or_replace: true}"));
        assertEquals("v1.yaml:1: operation 'create_view': with_data applies to a materialized view (materialized: true)",
                error("- create_view: {name: v, query: SELECT 1, with_data: false}"));
        assertEquals("v1.yaml:1: operation 'create_view': the query is empty", error("- create_view: {name: v, query: ';'}"));
        assertEquals("v1.yaml:1: operation 'create_hypertable': partitioning_column and number_partitions go together",
                error("- create_hypertable: {table: m, time_column: t, partitioning_column: d}"));
        assertEquals("v1.yaml:1: operation 'create_hypertable': number_partitions must be at least 1",
                error("- create_hypertable: {table: m, time_column: t, partitioning_column: d, number_partitions: 0}"));
        assertEquals("v1.yaml:1: operation 'create_hypertable' needs field 'time_column'",
                error("- create_hypertable: {table: m}"));
        assertEquals("v1.yaml:1: operation 'add_retention_policy': drop_after is a duration such as '7 days' or a number",
                error("- add_retention_policy: {table: m, drop_after: [7 days]}"));
        assertEquals("v1.yaml:1: refresh_policy needs field 'schedule_interval' (null for an open end)",
                error("- create_continuous_aggregate: {name: c, query: SELECT 1, refresh_policy: {start_offset: 1 day, end_offset: null}}"));
        assertEquals("v1.yaml:4: unknown field 'every' in refresh_policy (expected one of: start_offset, end_offset,"
                + " schedule_interval)", error("""
                - create_continuous_aggregate:
                    name: c
                    query: SELECT 1
                    refresh_policy: {every: 1 hour}
                """));
        assertEquals("v1.yaml:1: unknown field 'segmentby' in operation 'enable_compression' (expected one of: table,"
                + " segment_by, order_by, dialect, lint)", error("- enable_compression: {table: m, segmentby: [d]}"));
    }

    @Test
    void enumInverses() {
        assertEquals(Optional.of(new DropEnum(AT, "mood", null, List.of("a"), true)),
                inverse("- create_enum: {name: mood, values: [a]}"));
        assertEquals(Optional.of(new CreateEnum(AT, "mood", "s", List.of("a"))),
                inverse("- drop_enum: {name: mood, schema: s, values: [a]}"));
        assertEquals(Optional.empty(), inverse("- drop_enum: {name: mood}"));
        assertEquals(Optional.empty(), inverse("- add_enum_value: {name: mood, value: b}"));
        assertEquals(Optional.of(new RenameEnumValue(AT, "mood", null, "b", "a")),
                inverse("- rename_enum_value: {name: mood, value: a, new_value: b}"));
        assertEquals(Optional.of(new ReplaceEnumValues(AT, "mood", null, List.of("a", "b"), List.of("a"))),
                inverse("- replace_enum_values: {name: mood, values: [a], old_values: [a, b]}"));
        assertEquals(Optional.empty(), inverse("- replace_enum_values: {name: mood, values: [a]}"));
        IrreversibleOperation e = assertThrows(IrreversibleOperation.class,
                () -> YamlBody.parse(YamlReader.read("- add_enum_value: {name: mood, value: b}", "v1.yaml"), null));
        assertEquals("v1.yaml:1: operation 'add_enum_value' has no inverse: write a downgrade section", e.getMessage());
    }

    @Test
    void extensionAndViewInverses() {
        assertEquals(Optional.of(new DropExtension(AT, "citext", true, false, "ext", "1.6")),
                inverse("- create_extension: {name: citext, schema: ext, version: '1.6'}"));
        assertEquals(Optional.of(new CreateExtension(AT, "citext", null, null, true)),
                inverse("- drop_extension: {name: citext, cascade: true}"));
        assertEquals(Optional.of(new DropView(AT, "mv", true, false, "SELECT 1", false)),
                inverse("- create_view: {name: mv, materialized: true, with_data: false, query: SELECT 1}"));
        assertEquals(Optional.empty(), inverse("- create_view: {name: v, or_replace: true, query: SELECT 1}"));
        assertEquals(Optional.of(new CreateView(AT, "v", "SELECT 1", false, true, false)),
                inverse("- drop_view: {name: v, if_exists: true, query: SELECT 1}"));
        assertEquals(Optional.empty(), inverse("- drop_view: {name: v}"));
        assertEquals(Optional.of(new OnlyOn(AT, "postgresql", new DropExtension(AT, "citext", true, false, null, null))),
                inverse("- create_extension: {name: citext, dialect: postgresql}"));
    }

    @Test
    void timescaleInverses() {
        assertEquals(Optional.empty(), inverse("- create_hypertable: {table: m, time_column: t}"));
        assertEquals(Optional.of(new SetChunkTimeInterval(AT, "m", "1 day", "7 days")),
                inverse("- set_chunk_time_interval: {table: m, chunk_time_interval: 7 days, existing_chunk_time_interval: 1 day}"));
        assertEquals(Optional.empty(), inverse("- set_chunk_time_interval: {table: m, chunk_time_interval: 7 days}"));
        assertEquals(Optional.of(new DisableCompression(AT, "m", List.of("d"), List.of("t DESC"))),
                inverse("- enable_compression: {table: m, segment_by: d, order_by: [t DESC]}"));
        assertEquals(Optional.of(new EnableCompression(AT, "m", List.of(), List.of())),
                inverse("- disable_compression: {table: m}"));
        assertEquals(Optional.of(new RemoveCompressionPolicy(AT, "m", true, "7 days")),
                inverse("- add_compression_policy: {table: m, compress_after: 7 days, if_not_exists: true}"));
        assertEquals(Optional.of(new AddCompressionPolicy(AT, "m", "7 days", false)),
                inverse("- remove_compression_policy: {table: m, compress_after: 7 days}"));
        assertEquals(Optional.empty(), inverse("- remove_compression_policy: {table: m}"));
        assertEquals(Optional.of(new RemoveRetentionPolicy(AT, "m", false, 30L)),
                inverse("- add_retention_policy: {table: m, drop_after: 30}"));
        assertEquals(Optional.of(new AddRetentionPolicy(AT, "m", "30 days", true)),
                inverse("- remove_retention_policy: {table: m, if_exists: true, drop_after: 30 days}"));
        assertEquals(Optional.empty(), inverse("- remove_retention_policy: {table: m}"));
        RefreshPolicy policy = new RefreshPolicy("1 month", "1 hour", "1 hour");
        assertEquals(Optional.of(new DropContinuousAggregate(AT, "c", false, "SELECT 1", true, policy)), inverse("""
                - create_continuous_aggregate: {name: c, query: SELECT 1, with_data: true,
                    refresh_policy: {start_offset: 1 month, end_offset: 1 hour, schedule_interval: 1 hour}}
                """));
        assertEquals(Optional.of(new CreateContinuousAggregate(AT, "c", "SELECT 1", false, null)),
                inverse("- drop_continuous_aggregate: {name: c, query: SELECT 1}"));
        assertEquals(Optional.empty(), inverse("- drop_continuous_aggregate: {name: c}"));
        Operation undoRefresh = inverse("- refresh_continuous_aggregate: {name: c}").orElseThrow();
        assertEquals(new Execute(AT, null, Map.of()), undoRefresh);
        assertTrue(PostgresDialect.INSTANCE.render(undoRefresh).isEmpty());
    }
}
