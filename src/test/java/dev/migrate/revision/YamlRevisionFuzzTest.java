package dev.migrate.revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.migrate.support.Fuzz;

/**
 * YAML revisions, mutated and generated: the YAML reader, the header reader, the operation parser
 * and the rendering {@code show} does must accept each file or refuse it with a clear error.
 */
class YamlRevisionFuzzTest {
    private static final List<String> OPERATIONS = List.of("create_table", "drop_table", "rename_table", "create_table_comment",
            "add_column", "drop_column", "alter_column", "rename_column", "create_primary_key", "create_unique_constraint",
            "create_foreign_key", "create_check_constraint", "drop_constraint", "create_index", "drop_index", "create_enum",
            "drop_enum", "add_enum_value", "rename_enum_value", "replace_enum_values", "create_extension", "drop_extension",
            "create_view", "drop_view", "create_hypertable", "set_chunk_time_interval", "enable_compression",
            "disable_compression", "add_compression_policy", "remove_compression_policy", "add_retention_policy",
            "remove_retention_policy", "create_continuous_aggregate", "drop_continuous_aggregate",
            "refresh_continuous_aggregate", "execute", "bulk_insert", "no_such_operation");
    private static final List<String> FIELDS = List.of("table", "name", "column", "columns", "type", "nullable", "server_default",
            "primary_key", "unique", "foreign_keys", "checks", "comment", "new_name", "existing_type", "existing_server_default",
            "existing_comment", "using", "ref_table", "ref_columns", "on_delete", "on_update", "deferrable", "initially",
            "expression", "expressions", "where", "include", "concurrently", "if_exists", "if_not_exists", "schema", "values",
            "value", "new_value", "before", "after", "old_values", "version", "cascade", "query", "materialized", "with_data",
            "or_replace", "time_column", "chunk_time_interval", "existing_chunk_time_interval", "partitioning_column",
            "number_partitions", "migrate_data", "create_default_indexes", "segment_by", "order_by", "compress_after",
            "drop_after", "refresh_policy", "start_offset", "end_offset", "schedule_interval", "window_start", "window_end",
            "rows", "types", "references", "dialect", "postgresql", "sqlite", "bogus");
    private static final List<Object> SCALARS = List.of("users", "id", "integer", "string(50)", "string(", "string(0)",
            "string(99999999999999)", "numeric(10,2)", "numeric(10,", "enum(mood)", "enum()", "array(integer)", "array(array(",
            "sql(now())", "sql(", "uuid", "identity", "jsonb", "now()", "uuid()", "CASCADE", "SET NULL", "nope", "btree", "gin",
            "deferred", "postgresql", "sqlite", "oracle", "users.id", "users.", ".id", "1 day", "7 days", "x", "", " ",
            "ünïcödé", "a\"b", "a'b", "${x.k}", 0, -1, 2147483648L, 1.5, true, false);
    private static final List<String> TOKENS = List.of("- ", ": ", "{", "}", "[", "]", ",", "&a ", "*a", "!!str ", "!!binary ",
            "!!map ", "!!int ", "? ", "|\n", ">-\n", "\t", "'", "\"", "#", "null", "~", "\n  - ", "\n", "  ", "- add_column: ",
            "type: ", "enum(", "sql(", "numeric(10,", "references: ", "on_delete: ", "99999999999999999999", "%YAML 1.1\n",
            "---\n", "...\n", "<<: ", "revision: ", "down_revision: ", "upgrade: ", "downgrade: ", "transactional: ",
            "branch_labels: ", "depends_on: ", "columns: ", "table: ", "name: ", "values: ", "rows: ", "\u0000", "\r\n",
            "\\", "@", "`", "%");

    private static final Path FILE = Path.of("fuzz.yaml");

    private static List<String> corpus() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("migrations/versions"))) {
            for (Path f : files.sorted().toList()) {
                if (f.toString().endsWith(".yaml")) out.add(Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add("revision: a1\ndown_revision: [b, c]\nbranch_labels: [x]\ndepends_on: d\nmessage: m\ntransactional: false\n"
                + "upgrade:\n  - create_enum: {name: mood, values: [a, b]}\n  - add_column: {table: t, column: {name: m, type: enum(mood), values: [a, b]}}\n"
                + "  - bulk_insert: {table: t, rows: [{m: a}, {m: null}], types: {m: string(5)}}\n"
                + "  - execute: {postgresql: SELECT 1, sqlite: SELECT 2}\n  - create_hypertable: {table: t, time_column: ts, dialect: postgresql}\n"
                + "downgrade:\n  - drop_column: {table: t, column: m}\n");
        return out;
    }

    /** Reads the text as a revision file and renders its statements both ways on both dialects, as {@code show} does. */
    private void load(String text) {
        // The readers RevisionScript.load hands the normalised text to; no file needed.
        EveryDialect.render(YamlRevisionReader.read(FILE, Checksum.normalise(text), "fuzz"));
    }

    @Test
    void mutatedRevisionFiles() {
        List<String> corpus = corpus();
        Fuzz.check(20261121L, 3000, r -> Fuzz.mutate(r, Fuzz.pick(r, corpus), TOKENS), this::load);
    }

    /** Shapes meant to exhaust a parser: deep nesting, alias expansion, very long values, many operations. */
    @Test
    void pathologicalShapes() {
        String header = "revision: a1\ndown_revision: null\nupgrade:\n";
        List<String> shapes = new ArrayList<>();
        shapes.add(header + "  - execute: " + "[".repeat(20000) + "]".repeat(20000) + "\n");
        shapes.add(header + "  - execute: " + "{a: ".repeat(5000) + "x" + "}".repeat(5000) + "\n");
        StringBuilder block = new StringBuilder(header);
        for (int i = 0; i < 3000; i++) block.append("  ".repeat(i + 1)).append("- \n");
        shapes.add(block.toString());
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [");
            bomb.append(("*" + (char) ('a' + i - 1) + ", ").repeat(9)).append("x]\n");
        }
        shapes.add(bomb + "revision: a1\nupgrade: []\n");
        shapes.add(header + "  - execute: \"" + "x".repeat(200_000) + "\"\n");
        shapes.add(header + "  - create_table: {table: t, columns: [{name: c, type: \"string(" + "9".repeat(5000) + ")\"}]}\n");
        shapes.add(header + "  - execute: SELECT 1\n".repeat(5000));
        for (String shape : shapes) Fuzz.check(1L, 1, r -> shape, this::load);
    }

    @Test
    void generatedOperations() {
        Fuzz.check(42L, 3000, this::generated, this::load);
    }

    /**
     * A well-formed YAML revision whose operations mostly take their own fields, with values of
     * about the right shape, and now and then a wrong field or a value of the wrong shape.
     */
    private String generated(Random r) {
        StringBuilder s = new StringBuilder("revision: a1\ndown_revision: null\nmessage: generated\n");
        for (String direction : List.of("upgrade", "downgrade")) {
            if (direction.equals("downgrade") && r.nextBoolean()) continue;
            s.append(direction).append(":\n");
            int n = direction.equals("upgrade") ? 1 + r.nextInt(2) : r.nextInt(3);
            for (int i = 0; i < n; i++) {
                String op = Fuzz.pick(r, OPERATIONS);
                Object body;
                if (op.equals("execute") && r.nextBoolean()) {
                    body = r.nextBoolean() ? Fuzz.pick(r, SQL) : Map.of("postgresql", Fuzz.pick(r, SQL), "sqlite", Fuzz.pick(r, SQL));
                } else if (r.nextInt(12) == 0) {
                    body = anyValue(r, 0);
                } else {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    List<String> own = OWN_FIELDS.getOrDefault(op, FIELDS);
                    // Each field of the operation mostly present (required ones are then usually there), now and then a stranger.
                    for (String field : own) {
                        if (r.nextInt(10) < 9) fields.put(field, r.nextInt(12) == 0 ? anyValue(r, 0) : valueFor(field, r));
                    }
                    if (r.nextInt(15) == 0) fields.put(Fuzz.pick(r, FIELDS), anyValue(r, 0));
                    if (r.nextInt(4) == 0) fields.put("dialect", Fuzz.pick(r, List.of("postgresql", "sqlite", "oracle")));
                    body = fields;
                }
                s.append("  - ").append(op).append(": ").append(Fuzz.yaml(body, r)).append('\n');
            }
        }
        return s.toString();
    }

    private static final Map<String, List<String>> OWN_FIELDS = Map.ofEntries(
            Map.entry("create_table", List.of("table", "columns", "primary_key", "unique", "foreign_keys", "checks", "comment")),
            Map.entry("drop_table", List.of("table", "columns", "primary_key", "unique", "foreign_keys", "checks", "comment")),
            Map.entry("rename_table", List.of("table", "new_name")),
            Map.entry("create_table_comment", List.of("table", "comment", "existing_comment")),
            Map.entry("add_column", List.of("table", "column")),
            Map.entry("drop_column", List.of("table", "column")),
            Map.entry("alter_column", List.of("table", "column", "type", "using", "nullable", "server_default", "comment",
                    "new_name", "existing_type", "existing_server_default", "existing_comment")),
            Map.entry("rename_column", List.of("table", "column", "new_name")),
            Map.entry("create_primary_key", List.of("table", "name", "columns")),
            Map.entry("create_unique_constraint", List.of("table", "name", "columns")),
            Map.entry("create_foreign_key", List.of("table", "name", "columns", "ref_table", "ref_columns", "on_delete",
                    "on_update", "deferrable", "initially")),
            Map.entry("create_check_constraint", List.of("table", "name", "expression")),
            Map.entry("drop_constraint", List.of("table", "name", "type", "columns", "ref_table", "ref_columns", "expression")),
            Map.entry("create_index", List.of("name", "table", "columns", "expressions", "unique", "where", "using", "include",
                    "concurrently", "if_not_exists")),
            Map.entry("drop_index", List.of("name", "table", "concurrently", "if_exists", "columns", "expressions")),
            Map.entry("create_enum", List.of("name", "schema", "values")),
            Map.entry("drop_enum", List.of("name", "schema", "if_exists", "values")),
            Map.entry("add_enum_value", List.of("name", "schema", "value", "before", "after", "if_not_exists")),
            Map.entry("rename_enum_value", List.of("name", "schema", "value", "new_value")),
            Map.entry("replace_enum_values", List.of("name", "schema", "values", "old_values")),
            Map.entry("create_extension", List.of("name", "schema", "version", "if_not_exists", "cascade")),
            Map.entry("drop_extension", List.of("name", "schema", "if_exists", "cascade")),
            Map.entry("create_view", List.of("name", "query", "materialized", "with_data", "or_replace")),
            Map.entry("drop_view", List.of("name", "query", "materialized", "if_exists")),
            Map.entry("create_hypertable", List.of("table", "time_column", "chunk_time_interval", "partitioning_column",
                    "number_partitions", "if_not_exists", "migrate_data", "create_default_indexes")),
            Map.entry("set_chunk_time_interval", List.of("table", "chunk_time_interval", "existing_chunk_time_interval")),
            Map.entry("enable_compression", List.of("table", "segment_by", "order_by")),
            Map.entry("disable_compression", List.of("table", "segment_by", "order_by")),
            Map.entry("add_compression_policy", List.of("table", "compress_after", "if_not_exists")),
            Map.entry("remove_compression_policy", List.of("table", "if_exists", "compress_after")),
            Map.entry("add_retention_policy", List.of("table", "drop_after", "if_not_exists")),
            Map.entry("remove_retention_policy", List.of("table", "if_exists", "drop_after")),
            Map.entry("create_continuous_aggregate", List.of("name", "query", "with_data", "refresh_policy")),
            Map.entry("drop_continuous_aggregate", List.of("name", "query", "with_data", "refresh_policy")),
            Map.entry("refresh_continuous_aggregate", List.of("name", "window_start", "window_end")),
            Map.entry("bulk_insert", List.of("table", "rows", "types")));
    private static final List<Object> NAMES = List.of("users", "id", "email", "t", "mood", "a", "b", "ts", "x y", "", "select",
            "Users", "ünï", "a\"b", "a.b", "public");
    private static final List<Object> TYPES = List.of("integer", "bigint", "string(50)", "string(", "string(0)", "string(-1)",
            "string(99999999999999)", "numeric(10,2)", "numeric(10,", "numeric(a,b)", "enum(mood)", "enum()", "enum(",
            "array(integer)", "array(", "array(array(text))", "sql(now())", "sql(", "sql()", "uuid", "identity", "bigidentity",
            "jsonb", "json", "text", "boolean", "timestamptz", "interval", "bytes", "nope", "", "float", "double");
    private static final List<Object> DEFAULTS = List.of("now()", "uuid()", "0", "free", "{}", "sql(1 + 1)", "sql(", "", "'q'",
            "true", 5, -1.5, false);
    private static final List<Object> SQL = List.of("SELECT 1", "id > 0", "lower(email)", "", "'unterminated", "$$ body",
            "SELECT * FROM t WHERE a = 'x'", "${x.k}", "${x.missing}", "${x.", "a; b", "/* c", "-- c");
    private static final List<Object> INTERVALS = List.of("1 day", "7 days", "1 hour", 86400000, "bogus", "", "-1 day", 0);

    /** A value of about the shape {@code field} takes. */
    private static Object valueFor(String field, Random r) {
        switch (field) {
            case "columns":
                if (r.nextBoolean()) return list(r, () -> column(r));
                return list(r, () -> Fuzz.pick(r, NAMES));
            case "column":
                return r.nextBoolean() ? column(r) : Fuzz.pick(r, NAMES);
            case "ref_columns", "include", "expressions", "values", "old_values", "segment_by", "order_by":
                return list(r, () -> Fuzz.pick(r, r.nextInt(4) == 0 ? SQL : NAMES));
            case "type", "existing_type":
                return Fuzz.pick(r, r.nextBoolean() ? TYPES : List.of("primary_key", "unique", "foreign_key", "check", "nope"));
            case "server_default", "existing_server_default":
                return Fuzz.pick(r, DEFAULTS);
            case "primary_key":
                return r.nextBoolean() ? r.nextBoolean() : Map.of("name", Fuzz.pick(r, NAMES), "columns", list(r, () -> Fuzz.pick(r, NAMES)));
            case "unique":
                return r.nextBoolean() ? r.nextBoolean()
                        : list(r, () -> Map.of("name", Fuzz.pick(r, NAMES), "columns", list(r, () -> Fuzz.pick(r, NAMES))));
            case "foreign_keys":
                return list(r, () -> Map.of("name", Fuzz.pick(r, NAMES), "columns", list(r, () -> Fuzz.pick(r, NAMES)),
                        "ref_table", Fuzz.pick(r, NAMES), "ref_columns", list(r, () -> Fuzz.pick(r, NAMES))));
            case "checks":
                return list(r, () -> Map.of("name", Fuzz.pick(r, NAMES), "expression", Fuzz.pick(r, SQL)));
            case "on_delete", "on_update":
                return Fuzz.pick(r, List.of("CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION", "cascade", "boom"));
            case "initially":
                return Fuzz.pick(r, List.of("deferred", "immediate", "later"));
            case "using":
                return Fuzz.pick(r, List.of("btree", "gin", "gist", "brin", "hash", "ivfflat", "id::text"));
            case "rows":
                return list(r, () -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(String.valueOf(Fuzz.pick(r, NAMES)).replaceAll("[^a-z]", "") + "c", anyValue(r, 1));
                    return row;
                });
            case "types":
                return Map.of("c", Fuzz.pick(r, TYPES), "id", Fuzz.pick(r, TYPES));
            case "refresh_policy":
                return Map.of("start_offset", Fuzz.pick(r, INTERVALS), "end_offset", Fuzz.pick(r, INTERVALS),
                        "schedule_interval", Fuzz.pick(r, INTERVALS));
            case "chunk_time_interval", "existing_chunk_time_interval", "compress_after", "drop_after", "window_start",
                    "window_end", "start_offset", "end_offset", "schedule_interval":
                return Fuzz.pick(r, INTERVALS);
            case "query", "expression", "where", "comment", "existing_comment":
                return Fuzz.pick(r, SQL);
            case "number_partitions", "version":
                return Fuzz.pick(r, List.of(4, 0, -3, "2.1", "many"));
            case "nullable", "concurrently", "if_exists", "if_not_exists", "cascade", "materialized", "with_data",
                    "or_replace", "migrate_data", "create_default_indexes", "deferrable":
                return r.nextInt(6) == 0 ? "yes" : r.nextBoolean();
            default:
                return Fuzz.pick(r, NAMES);
        }
    }

    private static Map<String, Object> column(Random r) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (r.nextInt(8) != 0) c.put("name", Fuzz.pick(r, NAMES));
        if (r.nextInt(8) != 0) c.put("type", Fuzz.pick(r, TYPES));
        for (String f : List.of("nullable", "server_default", "primary_key", "unique", "comment", "references", "on_delete", "values")) {
            if (r.nextInt(5) != 0) continue;
            switch (f) {
                case "references" -> c.put(f, Fuzz.pick(r, List.of("users.id", "users", "users.", ".id", "a.b.c", "")));
                case "values" -> c.put(f, list(r, () -> Fuzz.pick(r, NAMES)));
                case "server_default" -> c.put(f, Fuzz.pick(r, DEFAULTS));
                case "comment" -> c.put(f, Fuzz.pick(r, SQL));
                case "on_delete" -> c.put(f, valueFor("on_delete", r));
                default -> c.put(f, r.nextBoolean());
            }
        }
        return c;
    }

    private static List<Object> list(Random r, java.util.function.Supplier<Object> item) {
        List<Object> out = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) out.add(item.get());
        return out;
    }

    private static Object anyValue(Random r, int depth) {
        int kind = depth > 2 ? 0 : r.nextInt(6);
        switch (kind) {
            case 3 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) list.add(anyValue(r, depth + 1));
                return list;
            }
            case 4 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(5); i > 0; i--) map.put(Fuzz.pick(r, FIELDS), anyValue(r, depth + 1));
                return map;
            }
            case 5 -> {
                return null;
            }
            default -> {
                return Fuzz.pick(r, SCALARS);
            }
        }
    }
}
